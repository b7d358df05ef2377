package com.plmr.mfa.application.port.in;

import com.plmr.mfa.domain.audit.AuditEvent;
import com.plmr.mfa.domain.user.Actor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static com.plmr.mfa.domain.ParameterException.require;

/**
 * Reads the audit trail a page at a time, for a service holding {@link Scopes#AUDIT_READ}. The
 * order is (time, id), a total order on the stored events, so a page starts exactly after the
 * position the previous one ended at, whatever was appended meanwhile at later positions.
 */
public interface ReadAuditTrailUseCase {

    /** The most events one page may hold. */
    int MAX_PAGE_SIZE = 200;
    int DEFAULT_PAGE_SIZE = 50;

    Access<Page> read(Actor actor, Query query);

    /**
     * Which events, every filter optional and all combined: a user's, a challenge's, of one type, at
     * or after {@code from} and before {@code to}; the page starts after {@code after}.
     */
    record Query(Optional<String> user, Optional<String> challenge, Optional<String> type, Optional<Instant> from,
                 Optional<Instant> to, Optional<Position> after, int pageSize) {

        public Query {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(after, "after");
            require(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE, "pageSize", "1 to " + MAX_PAGE_SIZE);
        }
    }

    /** Where an event stands in the trail's order. */
    record Position(Instant at, String id) {

        public Position {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(id, "id");
        }

        public static Position of(AuditEvent event) {
            return new Position(event.at(), event.id());
        }
    }

    /** One page, and where the next one starts when there may be more. */
    record Page(List<AuditEvent> events, Optional<Position> next) {

        public Page {
            events = List.copyOf(events);
            Objects.requireNonNull(next, "next");
        }
    }
}
