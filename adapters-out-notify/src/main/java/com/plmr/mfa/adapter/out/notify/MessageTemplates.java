package com.plmr.mfa.adapter.out.notify;

import com.plmr.mfa.domain.challenge.Amount;
import com.plmr.mfa.domain.challenge.ChallengeId;
import com.plmr.mfa.domain.challenge.Payee;
import com.plmr.mfa.domain.challenge.TransactionDetails;
import com.plmr.mfa.domain.delivery.Channel;
import com.plmr.mfa.domain.delivery.CodeMessage;
import com.plmr.mfa.domain.delivery.Destination;
import com.plmr.mfa.domain.delivery.NoticeMessage;
import com.plmr.mfa.domain.delivery.OutboundMessage;
import com.plmr.mfa.domain.delivery.OtpCode;
import com.plmr.mfa.domain.notice.NoticeKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The wording of the messages this adapter sends, per channel and language.
 *
 * <p>Templates are UTF-8 resource files {@code <location>/<name>_<language>.<ext>}:
 * {@code sms_*.txt}, {@code email-subject_*.txt}, {@code email-text_*.txt} and
 * {@code email-html_*.html}, for the languages {@link #LANGUAGES}. German is used for every
 * {@code de} locale ({@code de-DE}, {@code de-AT}, {@code de-CH}), English for everything else.
 * All templates are loaded and checked when the instance is created, so a missing file fails at
 * start-up, not at the first send.
 *
 * <p>Values available to templates: {@code code}, {@code minutes}, {@code singular} (validity is
 * exactly one minute), {@code summary} (the step-up summary on one line, without a trailing
 * period; absent when the message has none) and, when the challenge names its transaction,
 * {@code amount} (written as the message's locale writes it, see {@link Money}), {@code payee},
 * {@code account} and {@code reference} (each absent otherwise). The HTML templates get every
 * value HTML-escaped.
 *
 * <p>Notices ({@link NoticeMessage}) have templates of their own, {@code notice-sms_*.txt},
 * {@code notice-email-subject_*.txt}, {@code notice-email-text_*.txt} and
 * {@code notice-email-html_*.html}, and their sentences per kind in {@code notice-texts_*.properties}
 * ({@code <kind>.subject}, {@code <kind>.text}). Values available to them: {@code subject},
 * {@code text} (the kind's sentences) and {@code at} (when it happened, in UTC, written as the
 * language writes dates). A notice has no code to show.
 */
public final class MessageTemplates {

    /** Classpath folder of the templates shipped with this adapter. */
    public static final String DEFAULT_LOCATION = "notify-templates";
    /** Languages with their own wording; the first is the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "de");

    private static final String SMS = "sms";
    private static final String EMAIL_SUBJECT = "email-subject";
    private static final String EMAIL_TEXT = "email-text";
    private static final String EMAIL_HTML = "email-html";
    private static final String NOTICE = "notice-";
    private static final Map<String, DateTimeFormatter> NOTICE_TIMES = Map.of(
            "en", DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC),
            "de", DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'UTC'", Locale.GERMAN).withZone(ZoneOffset.UTC));

    private static final TransactionDetails SAMPLE_TRANSACTION = new TransactionDetails("sample",
            Amount.of("1.00", "EUR"), new Payee("sample", "****"), "sample");

    /** The shortest the summary of an SMS is cut to before it is left out. */
    static final int MIN_SUMMARY = 12;
    /** Ends a cut summary: every SMS template closes the summary with a period, which makes it "...". */
    private static final String CUT = "..";

    private final Map<String, Template> templates;
    private final Map<String, Properties> noticeTexts;
    private final SmsFormat smsFormat;
    private final SmsMeasurements measurements;

    private MessageTemplates(Map<String, Template> templates, Map<String, Properties> noticeTexts, SmsFormat smsFormat,
                             SmsMeasurements measurements) {
        this.templates = Map.copyOf(templates);
        this.noticeTexts = Map.copyOf(noticeTexts);
        this.smsFormat = Objects.requireNonNull(smsFormat, "smsFormat");
        this.measurements = Objects.requireNonNull(measurements, "measurements");
    }

    /** The templates shipped with this adapter, SMS without autofill lines, unmeasured. */
    public static MessageTemplates fromClasspath() {
        return fromClasspath(DEFAULT_LOCATION, SmsFormat.PLAIN, SmsMeasurements.NONE);
    }

    /**
     * Templates from a classpath folder with the shipped file names ({@link #DEFAULT_LOCATION}, or
     * another for tests and rebranding), SMS ending as {@code smsFormat} says, each SMS rendered for
     * a send told to {@code measurements}.
     */
    public static MessageTemplates fromClasspath(String location, SmsFormat smsFormat, SmsMeasurements measurements) {
        Map<String, Template> loaded = new HashMap<>();
        Map<String, Properties> noticeTexts = new HashMap<>();
        for (String language : LANGUAGES) {
            for (String prefix : new String[] {"", NOTICE}) {
                load(loaded, location, prefix + SMS, language, "txt");
                load(loaded, location, prefix + EMAIL_SUBJECT, language, "txt");
                load(loaded, location, prefix + EMAIL_TEXT, language, "txt");
                load(loaded, location, prefix + EMAIL_HTML, language, "html");
            }
            noticeTexts.put(language, properties(location + "/" + NOTICE + "texts_" + language + ".properties"));
        }
        MessageTemplates result = new MessageTemplates(loaded, noticeTexts, smsFormat, measurements);
        result.selfCheck();
        return result;
    }

    /** The language whose wording is used for the locale: {@code de} or the fallback {@code en}. */
    public static String languageOf(Locale locale) {
        String language = locale == null ? "" : locale.getLanguage();
        return LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
    }

    /**
     * The SMS text, measured: the template's line, then the {@linkplain SmsFormat autofill lines}.
     * The code and the essentials are kept in one GSM-7 segment (160 septets) where the summary
     * stands in the way: a summary that makes the SMS UCS-2 or longer than one segment is
     * transliterated to GSM-7 ({@link Gsm7#transliterate}), then cut (ending in {@code ...}) to the
     * longest that fits, at least {@value #MIN_SUMMARY} characters, else left out. The amount and the
     * payee of a transaction are never changed: the user must see them as they are. A notice is its
     * template's line alone: it has no code to fill in automatically.
     */
    public String smsText(OutboundMessage message) {
        String text = sms(message);
        measurements.measured(Gsm7.count(text));
        return text;
    }

    private String sms(OutboundMessage message) {
        if (message instanceof NoticeMessage notice) {
            String language = languageOf(notice.locale());
            return template(NOTICE + SMS, language).render(values(notice, language, true), UnaryOperator.identity())
                    .strip();
        }
        return sms((CodeMessage) message);
    }

    private String sms(CodeMessage message) {
        Template template = template(SMS, languageOf(message.locale()));
        Map<String, Object> values = values(message, true);
        String trailer = smsFormat.trailer(message.code().digits());
        String text = renderSms(template, values, trailer);
        String summary = (String) values.get("summary");
        if (Gsm7.fitsOneGsm7Segment(text) || summary == null || values.get("amount") != null) {
            return text;
        }
        String gsm7 = Gsm7.transliterate(summary);
        values.put("summary", gsm7);
        text = renderSms(template, values, trailer);
        if (Gsm7.fitsOneGsm7Segment(text)) {
            return text;
        }
        return longestCut(template, values, trailer, gsm7).orElseGet(() -> {
            values.put("summary", null);
            return renderSms(template, values, trailer);
        });
    }

    /** The text with the summary cut to the longest length that fits one segment, if any of at least the minimum. */
    private Optional<String> longestCut(Template template, Map<String, Object> values, String trailer, String summary) {
        String fitting = null;
        int low = MIN_SUMMARY;
        int high = summary.length() - 1;
        while (low <= high) {
            int length = (low + high) >>> 1;
            values.put("summary", summary.substring(0, length).stripTrailing() + CUT);
            String text = renderSms(template, values, trailer);
            if (Gsm7.fitsOneGsm7Segment(text)) {
                fitting = text;
                low = length + 1;
            } else {
                high = length - 1;
            }
        }
        return Optional.ofNullable(fitting);
    }

    private static String renderSms(Template template, Map<String, Object> values, String trailer) {
        return template.render(values, UnaryOperator.identity()).strip() + trailer;
    }

    /** Subject, plain-text and HTML body of the e-mail. */
    public EmailContent email(OutboundMessage message) {
        String language = languageOf(message.locale());
        String prefix = prefixOf(message);
        Map<String, Object> values = values(message, language, false);
        String subject = oneLine(template(prefix + EMAIL_SUBJECT, language).render(values, UnaryOperator.identity()));
        String text = template(prefix + EMAIL_TEXT, language).render(values, UnaryOperator.identity());
        String html = template(prefix + EMAIL_HTML, language).render(values, Html::escape);
        return new EmailContent(language, subject, text, html);
    }

    private static String prefixOf(OutboundMessage message) {
        return message instanceof NoticeMessage ? NOTICE : "";
    }

    private Map<String, Object> values(OutboundMessage message, String language, boolean sms) {
        if (message instanceof NoticeMessage notice) {
            Properties texts = noticeTexts.get(language);
            Map<String, Object> values = new HashMap<>();
            values.put("subject", noticeText(texts, notice.kind(), "subject"));
            values.put("text", noticeText(texts, notice.kind(), "text"));
            values.put("at", NOTICE_TIMES.get(language).format(notice.occurredAt()));
            return values;
        }
        return values((CodeMessage) message, sms);
    }

    private static String noticeText(Properties texts, NoticeKind kind, String part) {
        String text = texts.getProperty(kind.code() + "." + part);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("no notice text " + kind.code() + "." + part);
        }
        return text.strip();
    }

    private Template template(String name, String language) {
        Template template = templates.get(name + "_" + language);
        if (template == null) {
            throw new IllegalStateException("no template " + name + "_" + language);
        }
        return template;
    }

    private static Map<String, Object> values(CodeMessage message, boolean sms) {
        Map<String, Object> values = new HashMap<>();
        values.put("code", message.code().digits());
        values.put("minutes", message.validMinutes());
        values.put("singular", message.validMinutes() == 1);
        values.put("summary", normaliseSummary(message.summary()));
        TransactionDetails transaction = message.transaction();
        Locale locale = numberLocale(message.locale());
        values.put("amount", transaction == null ? null
                : sms ? Money.formatForSms(transaction.amount(), locale) : Money.format(transaction.amount(), locale));
        values.put("payee", transaction == null ? null : transaction.payee().name());
        values.put("account", transaction == null ? null : transaction.payee().account());
        values.put("reference", transaction == null ? null : transaction.reference());
        return values;
    }

    /** The message's locale for numbers when its language has wording of its own, else the fallback's. */
    private static Locale numberLocale(Locale locale) {
        return locale != null && LANGUAGES.contains(locale.getLanguage()) ? locale : Locale.forLanguageTag(LANGUAGES.get(0));
    }

    /** The summary on one line, trimmed, without trailing periods; {@code null} when blank. */
    static String normaliseSummary(String summary) {
        if (summary == null) {
            return null;
        }
        String line = oneLine(summary);
        while (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1).stripTrailing();
        }
        return line.isEmpty() ? null : line;
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }

    /** Renders every template once with sample values, so a typo in a template fails at start-up. */
    private void selfCheck() {
        for (String language : LANGUAGES) {
            for (NoticeKind kind : NoticeKind.values()) {
                for (Channel channel : Channel.values()) {
                    NoticeMessage sample = new NoticeMessage("self-check", "self-check",
                            new Destination(channel, channel == Channel.SMS ? "+10000000000" : "self-check@example.com"),
                            Locale.forLanguageTag(language), kind, Instant.EPOCH);
                    sms(sample);
                    email(sample);
                }
            }
            for (String summary : new String[] {null, "sample"}) {
                for (TransactionDetails transaction : new TransactionDetails[] {null, SAMPLE_TRANSACTION}) {
                    CodeMessage sample = new CodeMessage("self-check", "self-check", new ChallengeId("self-check"),
                            new Destination(Channel.SMS, "+10000000000"), Locale.forLanguageTag(language),
                            new OtpCode("000000"), 1, summary, transaction);
                    sms(sample);
                    email(sample);
                }
            }
        }
    }

    private static Properties properties(String resource) {
        try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing template resource " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template resource " + resource, e);
        }
    }

    private static void load(Map<String, Template> target, String location, String name, String language,
                             String extension) {
        String resource = location + "/" + name + "_" + language + "." + extension;
        ClassLoader loader = MessageTemplates.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing template resource " + resource);
            }
            target.put(name + "_" + language, new Template(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template resource " + resource, e);
        }
    }
}
