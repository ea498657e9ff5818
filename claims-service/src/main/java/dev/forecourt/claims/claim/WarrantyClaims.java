package dev.forecourt.claims.claim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface WarrantyClaims extends MongoRepository<WarrantyClaim, String> {

    Optional<WarrantyClaim> findByClaimNumber(String claimNumber);

    List<WarrantyClaim> findByStatusAndNextSubmissionAttemptAtLessThanEqual(ClaimStatus status, Instant due);

    List<WarrantyClaim> findByContentRepairOrderId(String repairOrderId);

    Page<WarrantyClaim> findByStatus(ClaimStatus status, Pageable page);

    Page<WarrantyClaim> findByContentVin(String vin, Pageable page);

    Page<WarrantyClaim> findByStatusAndContentVin(ClaimStatus status, String vin, Pageable page);
}
