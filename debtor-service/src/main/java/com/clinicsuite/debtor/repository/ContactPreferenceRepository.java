package com.clinicsuite.debtor.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Contact preferences by account (pharmacy + acc_no). */
@ApplicationScoped
public class ContactPreferenceRepository implements PanacheRepository<ContactPreference> {

    /** The account's preferences, or null when it has the defaults. */
    public Uni<ContactPreference> findByAccount(long pharmacyId, String accNo) {
        return find("pharmacyId = ?1 and accNo = ?2", pharmacyId, accNo).firstResult();
    }

    /** The account's language, or empty when it uses the pharmacy's default. */
    public Uni<Optional<Language>> languageOf(long pharmacyId, String accNo) {
        return findByAccount(pharmacyId, accNo)
                .map(p -> p == null ? Optional.<Language>empty() : Language.fromCode(p.language));
    }

    /** The preferences of those accounts that have any, by acc_no. */
    public Uni<Map<String, ContactPreference>> byAccount(long pharmacyId, Collection<String> accNos) {
        if (accNos.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("pharmacyId = ?1 and accNo in ?2", pharmacyId, accNos)
                .map(rows -> rows.stream().collect(Collectors.toMap(p -> p.accNo, Function.identity())));
    }

    /** Every account of the pharmacy with preferences (policy runs read them all at once). */
    public Uni<List<ContactPreference>> ofPharmacy(long pharmacyId) {
        return list("pharmacyId", pharmacyId);
    }
}
