package com.clinicsuite.auth.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class PharmacyAccessGrantRepository implements PanacheRepositoryBase<PharmacyAccessGrant, Long> {

    /** A user's grants with their pharmacies loaded, ordered by pharmacy id (stable claims and answers). */
    public Uni<List<PharmacyAccessGrant>> forUser(long userId) {
        return find(
                        "from PharmacyAccessGrant g join fetch g.pharmacy where g.userId = ?1 order by g.pharmacy.id",
                        userId)
                .list();
    }

    /** Every grant with its pharmacy, for the admin's access overview. */
    public Uni<List<PharmacyAccessGrant>> allWithPharmacies() {
        return find("from PharmacyAccessGrant g join fetch g.pharmacy order by g.userId, g.pharmacy.id")
                .list();
    }

    public Uni<PharmacyAccessGrant> find(long userId, long pharmacyId) {
        return find(
                        "from PharmacyAccessGrant g join fetch g.pharmacy where g.userId = ?1 and g.pharmacy.id = ?2",
                        userId,
                        pharmacyId)
                .firstResult();
    }

    /** Number of grants per user id. */
    public Uni<Map<Long, Long>> countsByUser() {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select g.userId, count(g) from PharmacyAccessGrant g group by g.userId",
                                Object[].class)
                        .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1])));
    }
}
