package com.plmr.mfa.adapter.out.persistence;

import com.plmr.mfa.application.port.out.LoadContactPort;
import com.plmr.mfa.application.port.out.RemoveContactPort;
import com.plmr.mfa.application.port.out.SaveContactPort;
import com.plmr.mfa.domain.user.Contact;
import com.plmr.mfa.domain.user.ContactKind;
import com.plmr.mfa.domain.user.UserId;
import jakarta.inject.Singleton;

import java.util.Optional;

@Singleton
@ReportsUnavailableStore
class ContactPersistenceAdapter implements LoadContactPort, SaveContactPort, RemoveContactPort {

    private final ContactRepository repository;

    ContactPersistenceAdapter(ContactRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Contact> load(UserId user, ContactKind kind) {
        return repository.findById(ContactRow.idOf(user, kind)).map(ContactRow::toContact);
    }

    @Override
    public void add(Contact contact) {
        repository.save(ContactRow.of(contact));
    }

    @Override
    public void replace(Contact contact) {
        repository.update(ContactRow.of(contact));
    }

    @Override
    public boolean remove(UserId user, ContactKind kind) {
        return repository.deleteCounted(ContactRow.idOf(user, kind)) == 1;
    }
}
