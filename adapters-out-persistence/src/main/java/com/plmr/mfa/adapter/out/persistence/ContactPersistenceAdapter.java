package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.ContactPort;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;
import jakarta.inject.Singleton;

import java.util.Optional;

@Singleton
@ReportsUnavailableStore
class ContactPersistenceAdapter implements ContactPort {

    private final ContactRepository repository;

    ContactPersistenceAdapter(ContactRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Contact> find(UserId user, ContactKind kind) {
        return repository.findById(ContactRow.idOf(user.value(), kind.name()))
                .map(row -> new Contact(new UserId(row.userId()), ContactKind.valueOf(row.kind()), row.value(),
                        row.createdAt(), row.changedAt()));
    }

    @Override
    public void save(Contact contact) {
        ContactRow row = new ContactRow(ContactRow.idOf(contact.userId().value(), contact.kind().name()),
                contact.userId().value(), contact.kind().name(), contact.value(), contact.created(), contact.changed());
        if (repository.existsById(row.id())) {
            repository.update(row);
        } else {
            repository.save(row);
        }
    }

    @Override
    public boolean remove(UserId user, ContactKind kind) {
        String id = ContactRow.idOf(user.value(), kind.name());
        boolean present = repository.existsById(id);
        repository.deleteById(id);
        return present;
    }
}
