package dev.forecourt.claims.submission;

import java.time.Clock;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.claims.claim.ClaimUpdates;
import dev.forecourt.claims.claim.ClaimView;
import dev.forecourt.claims.eligibility.ClaimReadiness;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.security.Staff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/warranty-claims")
@Tag(name = "Warranty claims")
public class SubmissionController {

    private final ClaimUpdates updates;
    private final ClaimReadiness readiness;
    private final ClaimSubmitter submitter;
    private final OemProperties oem;
    private final Clock clock;

    public SubmissionController(ClaimUpdates updates, ClaimReadiness readiness, ClaimSubmitter submitter,
                                OemProperties oem, Clock clock) {
        this.updates = updates;
        this.readiness = readiness;
        this.submitter = submitter;
        this.oem = oem;
        this.clock = clock;
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasAuthority('claims:submit')")
    @Operation(summary = "Submit (or resubmit after NEEDS_INFO / REJECTED) to the OEM; SUBMISSION_PENDING while the OEM is unreachable")
    public ClaimView submit(@PathVariable String id) {
        String by = Staff.require().username();
        updates.update(id, claim -> {
            // checked on the state being queued, so a correction saved meanwhile cannot slip through unchecked
            if (claim.getStatus().isCorrectable()) {
                List<FieldProblem> problems = readiness.problems(claim);
                if (!problems.isEmpty()) {
                    throw ProblemException.businessRule("claim-not-ready", "The claim cannot be submitted yet",
                            problems.size() + " problem(s) must be fixed first", problems.toArray(FieldProblem[]::new));
                }
            }
            claim.queueForSubmission(by, clock.instant(), clock.instant().plus(oem.resendInterval()));
            return claim;
        });
        return ClaimView.of(submitter.send(id));
    }
}
