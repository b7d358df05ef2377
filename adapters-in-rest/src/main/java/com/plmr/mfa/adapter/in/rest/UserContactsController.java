package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.api.UserContactsApi;
import com.plmr.mfa.adapter.in.rest.model.DetailsResponse;
import com.plmr.mfa.adapter.in.rest.model.EmailResponse;
import com.plmr.mfa.adapter.in.rest.model.PhoneResponse;
import com.plmr.mfa.adapter.in.rest.model.SetEmailRequest;
import com.plmr.mfa.adapter.in.rest.model.SetPhoneRequest;
import com.plmr.mfa.application.port.in.Access;
import com.plmr.mfa.application.port.in.ReadContactUseCase;
import com.plmr.mfa.application.port.in.RemoveContactUseCase;
import com.plmr.mfa.application.port.in.SetContactUseCase;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.function.Function;

@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class UserContactsController implements UserContactsApi {

    private final SetContactUseCase set;
    private final ReadContactUseCase read;
    private final RemoveContactUseCase remove;
    private final ResourceDetails details;
    private final Actors actors;

    UserContactsController(SetContactUseCase set, ReadContactUseCase read, RemoveContactUseCase remove,
                           ResourceDetails details, Actors actors) {
        this.set = set;
        this.read = read;
        this.remove = remove;
        this.details = details;
        this.actors = actors;
    }

    @Override
    public HttpResponse<PhoneResponse> setPhone(String id, SetPhoneRequest request) {
        new FieldErrors().text("phone", request.getPhone())
                .valid("phone", request.getPhone(), phone -> set.accepts(ContactKind.PHONE, phone),
                        "must be a valid phone number in international form such as +4915112345678")
                .throwIfAny();
        return reply(set.set(actors.current(), new UserId(id), ContactKind.PHONE, request.getPhone()), this::phone);
    }

    @Override
    public HttpResponse<PhoneResponse> getPhone(String id) {
        return reply(read.read(actors.current(), new UserId(id), ContactKind.PHONE), this::phone);
    }

    @Override
    public HttpResponse<DetailsResponse> removePhone(String id) {
        return reply(remove.remove(actors.current(), new UserId(id), ContactKind.PHONE), this::removed);
    }

    @Override
    public HttpResponse<EmailResponse> setEmail(String id, SetEmailRequest request) {
        new FieldErrors().text("email", request.getEmail())
                .valid("email", request.getEmail(), email -> set.accepts(ContactKind.EMAIL, email),
                        "must be an e-mail address such as jane@example.com")
                .throwIfAny();
        return reply(set.set(actors.current(), new UserId(id), ContactKind.EMAIL, request.getEmail()), this::email);
    }

    @Override
    public HttpResponse<EmailResponse> getEmail(String id) {
        return reply(read.read(actors.current(), new UserId(id), ContactKind.EMAIL), this::email);
    }

    @Override
    public HttpResponse<DetailsResponse> removeEmail(String id) {
        return reply(remove.remove(actors.current(), new UserId(id), ContactKind.EMAIL), this::removed);
    }

    private static <T> HttpResponse<T> reply(Access<Contact> access, Function<Contact, T> body) {
        return Replies.reply(access, Replies.Subject.USER_FACTOR, contact -> HttpResponse.ok(body.apply(contact)));
    }

    private PhoneResponse phone(Contact contact) {
        return new PhoneResponse().phone(contact.value()).details(detailsOf(contact));
    }

    private EmailResponse email(Contact contact) {
        return new EmailResponse().email(contact.value()).details(detailsOf(contact));
    }

    private DetailsResponse removed(Contact contact) {
        return new DetailsResponse().details(detailsOf(contact));
    }

    private com.plmr.mfa.adapter.in.rest.model.Details detailsOf(Contact contact) {
        return details.of(contact.userId().value(), contact.created(), contact.changed());
    }
}
