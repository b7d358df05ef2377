package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.api.AuditEventsApi;
import com.plmr.mfa.adapter.in.rest.model.AuditActor;
import com.plmr.mfa.adapter.in.rest.model.AuditEvent;
import com.plmr.mfa.adapter.in.rest.model.ListAuditEventsResponse;
import com.plmr.mfa.application.port.in.ReadAuditTrailUseCase;
import com.plmr.mfa.application.port.in.ReadAuditTrailUseCase.Page;
import com.plmr.mfa.application.port.in.ReadAuditTrailUseCase.Query;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** The audit trail for consumer services, a page at a time, with an opaque {@link PageTokens page token}. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditEventsController implements AuditEventsApi {

    private final ReadAuditTrailUseCase trail;
    private final Actors actors;

    AuditEventsController(ReadAuditTrailUseCase trail, Actors actors) {
        this.trail = trail;
        this.actors = actors;
    }

    @Override
    public HttpResponse<ListAuditEventsResponse> listAuditEvents(@Nullable String userId, @Nullable String challengeId,
                                                                 @Nullable String type, @Nullable Instant from,
                                                                 @Nullable Instant to, @Nullable Integer pageSize,
                                                                 @Nullable String pageToken) {
        Optional<ReadAuditTrailUseCase.Position> after = Optional.empty();
        if (pageToken != null) {
            after = PageTokens.read(pageToken);
            if (after.isEmpty()) {
                return Replies.invalidField("pageToken", "must be the nextPageToken of an earlier page");
            }
        }
        Query query = new Query(Optional.ofNullable(userId), Optional.ofNullable(challengeId), Optional.ofNullable(type),
                Optional.ofNullable(from), Optional.ofNullable(to), after,
                pageSize == null ? ReadAuditTrailUseCase.DEFAULT_PAGE_SIZE : pageSize);
        return Replies.reply(trail.read(actors.current(), query), Replies.Subject.USER_FACTOR,
                page -> HttpResponse.ok(body(page)));
    }

    private static ListAuditEventsResponse body(Page page) {
        ListAuditEventsResponse body = new ListAuditEventsResponse()
                .events(page.events().stream().map(AuditEventsController::event).toList());
        page.next().ifPresent(next -> body.nextPageToken(PageTokens.write(next)));
        return body;
    }

    private static AuditEvent event(com.plmr.mfa.domain.audit.AuditEvent event) {
        com.plmr.mfa.domain.audit.AuditEvent.Subject subject = event.subject();
        return new AuditEvent().id(event.id()).time(event.at()).type(event.type().code())
                .reason(event.reason().map(reason -> reason.code()).orElse(null))
                .userId(subject.userId().orElse(null)).challengeId(subject.challengeId().orElse(null))
                .factorId(subject.factorId().orElse(null))
                .method(subject.method().map(method -> method.name().toLowerCase(Locale.ROOT)).orElse(null))
                .destination(subject.destination().orElse(null)).stepsOff(event.stepsOff().orElse(null))
                .actor(new AuditActor().kind(event.actor().kind().name().toLowerCase(Locale.ROOT))
                        .id(event.actor().name()))
                .requestId(event.requestId().orElse(null)).note(event.note().orElse(null));
    }
}
