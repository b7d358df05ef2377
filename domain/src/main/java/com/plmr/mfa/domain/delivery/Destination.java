package com.plmr.mfa.domain.delivery;

import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.PhoneNumber;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a message goes: a channel and an address of the contact kind it reaches, checked and
 * normalised by that kind (E.164 for SMS, {@code local@domain} for e-mail), so no message can
 * carry an address of the wrong kind. {@link #toString()} shows the masked address only.
 *
 * @param channel how the message is sent
 * @param address the address in clear (only ever in memory and sealed in the outbox)
 */
public record Destination(Channel channel, String address) {

    public Destination {
        Objects.requireNonNull(channel, "channel");
        address = channel.contactKind().normalise(address);
    }

    /** The contact on record as the destination of {@code channel}'s messages. */
    public static Destination of(Channel channel, Contact contact) {
        if (contact.kind() != channel.contactKind()) {
            throw new IllegalArgumentException(channel + " does not reach a " + contact.kind() + " contact");
        }
        return new Destination(channel, contact.value());
    }

    /**
     * The range of a phone number ({@link PhoneNumber#range()}), for the send limit per range; empty
     * for an e-mail address.
     */
    public Optional<String> numberRange() {
        return channel.contactKind() == ContactKind.PHONE ? Optional.of(new PhoneNumber(address).range())
                : Optional.empty();
    }

    /** The address as the API shows it ({@code +49 *** *** 78}, {@code j***@example.com}). */
    public String masked() {
        return channel.contactKind().mask(address);
    }

    @Override
    public String toString() {
        return "Destination[" + channel + ", " + masked() + "]";
    }
}
