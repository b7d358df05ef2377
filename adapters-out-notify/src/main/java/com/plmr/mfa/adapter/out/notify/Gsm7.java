package com.plmr.mfa.adapter.out.notify;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * GSM 03.38 (GSM-7) checker and SMS segment counter.
 *
 * <p>A text made only of characters of the GSM-7 basic set and its extension table is sent with
 * 7-bit encoding: 160 septets fit in one segment, a longer text is split into segments of 153
 * septets (the user data header takes the rest). Characters of the extension table
 * ({@code ^ { } \ [ ~ ] | €} and form feed) take two septets (escape + character) and are never
 * split across segments. Any other character forces UCS-2: 70 UTF-16 units in one segment, 67 per
 * segment when concatenated, surrogate pairs kept together.
 */
public final class Gsm7 {

    /** Septets in a single-segment GSM-7 SMS. */
    public static final int SINGLE_SEGMENT_SEPTETS = 160;
    /** Septets per segment of a concatenated GSM-7 SMS. */
    public static final int MULTI_SEGMENT_SEPTETS = 153;
    /** UTF-16 units in a single-segment UCS-2 SMS. */
    public static final int SINGLE_SEGMENT_UCS2 = 70;
    /** UTF-16 units per segment of a concatenated UCS-2 SMS. */
    public static final int MULTI_SEGMENT_UCS2 = 67;

    /** The 127 printable characters of the GSM 03.38 basic set (0x1B, the escape, left out). */
    static final String BASIC_SET =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** Characters of the GSM 03.38 extension table, sent as escape + character. */
    static final String EXTENSION_SET = "\f^{}\\[~]|€";

    /**
     * GSM-7 look-alikes of characters outside GSM-7 that mean the same: spaces, quotes, dashes and
     * the ellipsis of typography and of the locale data (no-break spaces, the Swiss apostrophe).
     */
    private static final Map<Character, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry('\u00A0', " "), Map.entry('\u2009', " "), Map.entry('\u202F', " "), Map.entry('\t', " "),
            Map.entry('\u2018', "'"), Map.entry('\u2019', "'"), Map.entry('\u201A', "'"), Map.entry('`', "'"),
            Map.entry('\u00B4', "'"), Map.entry('\u201C', "\""), Map.entry('\u201D', "\""), Map.entry('\u201E', "\""),
            Map.entry('\u00AB', "\""), Map.entry('\u00BB', "\""), Map.entry('\u2010', "-"), Map.entry('\u2011', "-"),
            Map.entry('\u2013', "-"), Map.entry('\u2014', "-"), Map.entry('\u2212', "-"), Map.entry('\u2026', "..."));
    /** Latin letters that no decomposition turns into a GSM-7 letter. */
    private static final Map<Character, String> LETTERS = Map.of('ł', "l", 'Ł', "L", 'đ', "d", 'Đ', "D", 'œ', "oe",
            'Œ', "OE", 'ı', "i", 'þ', "th", 'Þ', "TH", 'ð', "d");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    public enum Encoding { GSM7, UCS2 }

    /**
     * How a text travels as SMS.
     *
     * @param encoding GSM-7 or UCS-2
     * @param units    septets (GSM-7) or UTF-16 units (UCS-2)
     * @param segments number of SMS segments, at least 1
     */
    public record Count(Encoding encoding, int units, int segments) {
    }

    private Gsm7() {
    }

    /** Septets the character takes: 1 (basic set), 2 (extension table) or 0 when it is not GSM-7. */
    public static int septets(char c) {
        if (BASIC_SET.indexOf(c) >= 0) {
            return 1;
        }
        if (EXTENSION_SET.indexOf(c) >= 0) {
            return 2;
        }
        return 0;
    }

    /** Whether every character of the text can be sent with GSM-7 encoding. */
    public static boolean isGsm7(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Encoding, length and segments of the text as SMS. */
    public static Count count(CharSequence text) {
        return isGsm7(text) ? countGsm7(text) : countUcs2(text);
    }

    /**
     * The text with its {@linkplain #LOOK_ALIKES typographic characters} replaced by their GSM-7
     * look-alikes; every other character stays as it is.
     */
    public static String lookAlikes(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(septets(c) == 0 ? LOOK_ALIKES.getOrDefault(c, String.valueOf(c)) : String.valueOf(c));
        }
        return out.toString();
    }

    /**
     * The text in GSM-7 only, as a reader still recognises it: the {@linkplain #lookAlikes
     * look-alikes}, letters with a diacritic GSM-7 lacks as the bare letter ({@code ą} {@code a},
     * {@code č} {@code c}, {@code ł} {@code l}; those GSM-7 has, {@code é ü ñ}, stay), and anything
     * else (other scripts, symbols, emoji) as {@code ?}.
     */
    public static String transliterate(CharSequence text) {
        String looked = lookAlikes(text);
        StringBuilder out = new StringBuilder(looked.length());
        looked.codePoints().forEach(point -> out.append(gsm7Form(point)));
        return out.toString();
    }

    private static String gsm7Form(int point) {
        if (Character.isBmpCodePoint(point) && septets((char) point) > 0) {
            return String.valueOf((char) point);
        }
        if (Character.isBmpCodePoint(point) && LETTERS.containsKey((char) point)) {
            return LETTERS.get((char) point);
        }
        String bare = MARKS.matcher(Normalizer.normalize(Character.toString(point), Normalizer.Form.NFD)).replaceAll("");
        return !bare.isEmpty() && isGsm7(bare) ? bare : "?";
    }

    /** Whether the text is GSM-7 and fits one segment (160 septets). */
    public static boolean fitsOneGsm7Segment(CharSequence text) {
        Count count = count(text);
        return count.encoding() == Encoding.GSM7 && count.segments() == 1;
    }

    private static Count countGsm7(CharSequence text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += septets(text.charAt(i));
        }
        if (total <= SINGLE_SEGMENT_SEPTETS) {
            return new Count(Encoding.GSM7, total, 1);
        }
        int segments = 1;
        int inSegment = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = septets(text.charAt(i));
            if (inSegment + size > MULTI_SEGMENT_SEPTETS) {
                segments++;
                inSegment = 0;
            }
            inSegment += size;
        }
        return new Count(Encoding.GSM7, total, segments);
    }

    private static Count countUcs2(CharSequence text) {
        int total = text.length();
        if (total <= SINGLE_SEGMENT_UCS2) {
            return new Count(Encoding.UCS2, total, 1);
        }
        int segments = 1;
        int inSegment = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
            if (inSegment + size > MULTI_SEGMENT_UCS2) {
                segments++;
                inSegment = 0;
            }
            inSegment += size;
            i += size - 1;
        }
        return new Count(Encoding.UCS2, total, segments);
    }
}
