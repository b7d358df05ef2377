package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.TransactionPort;
import com.plmr.mfa.domain.challenge.Amount;
import com.plmr.mfa.domain.challenge.Challenge;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.ChallengeMethod;
import com.plmr.mfa.domain.challenge.ChallengePolicy;
import com.plmr.mfa.domain.challenge.Payee;
import com.plmr.mfa.domain.challenge.StepUpContext;
import com.plmr.mfa.domain.challenge.TransactionDetails;
import com.plmr.mfa.domain.challenge.Transition;
import com.plmr.mfa.domain.user.UserId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a challenge approves is stored once: on the real database, the insert writes the step-up
 * context with its transaction details, no later save writes any of it, and a cancel empties all of it.
 */
@MicronautTest(transactional = false, startApplication = false)
class ChallengeContextPersistenceTest extends DatabaseTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:07Z");
    static final String CONTEXT_COLUMNS = "operation, reference, digest, summary, transaction_type, amount_value,"
            + " amount_currency, payee_name, payee_account, transaction_reference";

    @Inject
    ChallengePersistenceAdapter challenges;
    @Inject
    TransactionPort transactions;

    static StepUpContext payment(String amount, String payee) {
        return new StepUpContext("payment", "pay-1", "sha256:ab", "invoice 42", new TransactionDetails(
                "payment_initiation", Amount.of(amount, "EUR"), new Payee(payee, "DE89 **** **** **** **** 00"),
                "INV-2026-0042"));
    }

    static Challenge opened(ChallengeId id, StepUpContext context) {
        return Challenge.open(id, new UserId("u-1"), context, Set.of(ChallengeMethod.SMS), Locale.GERMANY,
                ChallengePolicy.defaults(), NOW);
    }

    @Test
    void a_challenge_round_trips_its_transaction_details() {
        Challenge challenge = opened(newId(), payment("1234.50", "Müller & Söhne GmbH"));

        add(challenge);

        assertThat(challenges.load(challenge.id())).contains(challenge);
        assertThat(columns(challenge.id())).containsExactly("payment", "pay-1", "sha256:ab", "invoice 42",
                "payment_initiation", "1234.50", "EUR", "Müller & Söhne GmbH", "DE89 **** **** **** **** 00",
                "INV-2026-0042");
    }

    @Test
    void a_save_after_the_insert_writes_the_state_and_leaves_the_context_as_it_was_inserted() {
        ChallengeId id = newId();
        Challenge created = opened(id, payment("40.00", "ACME GmbH"));
        add(created);
        List<String> inserted = columns(id);

        Challenge otherOperation = opened(id, payment("4000.00", "Mallory Ltd"))
                .issue(ChallengeMethod.SMS, new byte[32], ChallengePolicy.defaults(), NOW).challenge();
        save(otherOperation);

        Challenge stored = challenges.load(id).orElseThrow();
        assertThat(stored.context()).isEqualTo(created.context());
        assertThat(stored.issuedCode()).as("the state was written").isEqualTo(otherOperation.issuedCode());
        assertThat(columns(id)).isEqualTo(inserted);
    }

    @Test
    void a_cancel_empties_every_context_column_and_writes_no_other_context() {
        ChallengeId id = newId();
        Challenge created = opened(id, payment("40.00", "ACME GmbH"));
        add(created);

        save(((Transition) created.cancel(NOW.plusSeconds(1))).challenge());

        assertThat(challenges.load(id).orElseThrow().context()).isNull();
        assertThat(columns(id)).hasSize(10).containsOnlyNulls();
    }

    @Test
    void no_statement_but_the_insert_can_write_a_context_column() {
        assertThat(java.util.Arrays.stream(ChallengeStateRow.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName))
                .doesNotContain("operation", "reference", "digest", "summary", "transactionType", "amountValue",
                        "amountCurrency", "payeeName", "payeeAccount", "transactionReference");
        assertThat(ChallengeRepository.class.getMethods()).extracting(java.lang.reflect.Method::getName)
                .filteredOn(name -> name.startsWith("update")).isEmpty();
    }

    private void add(Challenge challenge) {
        transactions.inTransaction(() -> {
            challenges.add(challenge);
            return null;
        });
    }

    private void save(Challenge challenge) {
        transactions.inTransaction(() -> {
            challenges.save(challenge);
            return null;
        });
    }

    private List<String> columns(ChallengeId id) {
        try (Connection connection = connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + CONTEXT_COLUMNS + " FROM challenge WHERE id = ?")) {
            select.setString(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    values.add(row.getString(i));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChallengeId newId() {
        return new ChallengeId("ch_" + UUID.randomUUID().toString().replace("-", ""));
    }
}
