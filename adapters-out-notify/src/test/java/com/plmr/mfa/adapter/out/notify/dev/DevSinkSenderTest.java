package com.plmr.mfa.adapter.out.notify.dev;

import com.plmr.mfa.adapter.out.notify.LogCapture;
import com.plmr.mfa.adapter.out.notify.MessageTemplates;
import com.plmr.mfa.adapter.out.notify.TestMessages;
import com.plmr.mfa.application.port.out.SendOutcome;
import com.plmr.mfa.domain.delivery.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.plmr.mfa.adapter.out.notify.TestMessages.CODE;
import static com.plmr.mfa.adapter.out.notify.TestMessages.EMAIL;
import static com.plmr.mfa.adapter.out.notify.TestMessages.PHONE;
import static com.plmr.mfa.adapter.out.notify.TestMessages.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

class DevSinkSenderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:15:30.123Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final MessageTemplates templates = MessageTemplates.fromClasspath();

    private DevSinkSender sink(Path file, Channel channel) {
        return new DevSinkSender(channel, new DevSinkFile(file), templates, CLOCK);
    }

    @Test
    void an_sms_is_written_as_one_marked_line_with_destination_code_and_text() throws Exception {
        Path file = dir.resolve("nested/deeper/dev-sink.log");
        DevSinkSender sink = sink(file, Channel.SMS);

        SendOutcome outcome = sink.send(TestMessages.sms("en", SUMMARY));

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("dev-sink:msg-sms-1"));
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
                "2025-03-01T10:15:30.123Z DEV-SINK NOT DELIVERED channel=SMS to=" + PHONE
                        + " messageId=msg-sms-1 challengeId=ch_messages locale=en code=" + CODE
                        + " text=\"Code 493817 to approve: payment of EUR 40 to ACME. Valid 5 minutes. Never share it.\"");
    }

    @Test
    void an_email_is_written_as_one_line_with_subject_and_escaped_text() throws Exception {
        Path file = dir.resolve("dev-sink.log");
        DevSinkSender sink = sink(file, Channel.EMAIL);

        sink.send(TestMessages.email(EMAIL, "de", null));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .startsWith("2025-03-01T10:15:30.123Z DEV-SINK NOT DELIVERED channel=EMAIL to=" + EMAIL
                        + " messageId=msg-mail-1 challengeId=ch_messages locale=de code=" + CODE + " subject=\"Ihr Sicherheitscode\" text=\"")
                .contains("Ihr Sicherheitscode lautet:\\n\\n    " + CODE + "\\n")
                .endsWith("\"");
    }

    @Test
    void messages_are_appended_and_a_forged_line_break_stays_inside_its_entry() throws Exception {
        Path file = dir.resolve("dev-sink.log");
        DevSinkFile shared = new DevSinkFile(file);
        DevSinkSender sms = new DevSinkSender(Channel.SMS, shared, templates, CLOCK);
        DevSinkSender email = new DevSinkSender(Channel.EMAIL, shared, templates, CLOCK);

        sms.send(TestMessages.sms("en", null));
        sms.send(TestMessages.withIds(TestMessages.sms("en", null), "m-2\n2025 DEV-SINK fake", "k-2"));
        email.send(TestMessages.email(EMAIL, "en", null));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line).contains(" DEV-SINK NOT DELIVERED channel="));
        assertThat(lines.get(1)).contains("messageId=m-2\\n2025 DEV-SINK fake");
    }

    @Test
    void the_log_says_where_the_message_went_but_shows_neither_code_nor_destination() {
        DevSinkSender sink = sink(dir.resolve("dev-sink.log"), Channel.SMS);

        try (LogCapture logs = new LogCapture()) {
            sink.send(TestMessages.sms("en", SUMMARY));

            assertThat(logs.lines()).singleElement().asString()
                    .contains("DEV-SINK: message msg-sms-1", "written to " + dir.resolve("dev-sink.log"))
                    .doesNotContain(CODE, PHONE);
        }
    }

    @Test
    void the_file_is_readable_by_its_owner_only() throws Exception {
        Path file = dir.resolve("dev-sink.log");
        sink(file, Channel.SMS).send(TestMessages.sms("en", null));

        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void a_file_that_cannot_be_written_is_a_transient_failure() throws Exception {
        Path folder = dir.resolve("sub");
        DevSinkSender sink = sink(folder.resolve("dev-sink.log"), Channel.SMS);
        Files.delete(folder);
        Files.writeString(folder, "a file where the folder was");

        assertThat(sink.send(TestMessages.sms("en", null)))
                .isEqualTo(new SendOutcome.TransientFailure("dev sink write failed"));
    }

    @Test
    void it_handles_only_its_channel() {
        DevSinkSender sink = sink(dir.resolve("dev-sink.log"), Channel.SMS);

        assertThat(sink.handles(Channel.SMS)).isTrue();
        assertThat(sink.handles(Channel.EMAIL)).isFalse();
    }

    @Test
    void with_an_inbox_each_written_message_is_shown_there_masked_and_rendered() {
        DevInbox inbox = new DevInbox();
        DevSinkFile file = new DevSinkFile(dir.resolve("dev-sink.log"));

        new DevSinkSender(Channel.SMS, file, templates, CLOCK, inbox).send(TestMessages.sms("en", SUMMARY));
        new DevSinkSender(Channel.EMAIL, file, templates, CLOCK, inbox)
                .send(TestMessages.email(EMAIL, "de", "<b>payment</b>"));

        assertThat(inbox.newestFirst(null)).satisfiesExactly(
                email -> {
                    assertThat(email.channel()).isEqualTo(Channel.EMAIL);
                    assertThat(email.maskedDestination()).isEqualTo("a***@example.test");
                    assertThat(email.subject()).isEqualTo("Ihr Sicherheitscode");
                    assertThat(email.html()).contains(CODE).contains("&lt;b&gt;payment&lt;/b&gt;")
                            .doesNotContain("<b>payment");
                    assertThat(email.locale()).isEqualTo("de");
                },
                sms -> {
                    assertThat(sms.id()).isEqualTo("msg-sms-1");
                    assertThat(sms.challengeId()).isEqualTo("ch_messages");
                    assertThat(sms.receivedAt()).isEqualTo(Instant.parse("2025-03-01T10:15:30.123Z"));
                    assertThat(sms.maskedDestination()).isEqualTo("+49 *** *** 78").doesNotContain(PHONE);
                    assertThat(sms.code()).isEqualTo(CODE);
                    assertThat(sms.text()).isEqualTo(
                            "Code 493817 to approve: payment of EUR 40 to ACME. Valid 5 minutes. Never share it.");
                    assertThat(sms.subject()).isNull();
                    assertThat(sms.html()).isNull();
                });
    }

    @Test
    void a_message_the_file_did_not_take_is_not_shown_in_the_inbox_either() throws Exception {
        DevInbox inbox = new DevInbox();
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("dev-sink.log"));
        DevSinkSender sink = new DevSinkSender(Channel.SMS,
                new DevSinkFile(blocked.resolve("dev-sink.log")), templates, CLOCK, inbox);

        assertThat(sink.send(TestMessages.sms("en", null))).isInstanceOf(SendOutcome.TransientFailure.class);
        assertThat(inbox.newestFirst(null)).isEmpty();
    }
}
