package com.plmr.mfa.adapter.out.notify;

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
