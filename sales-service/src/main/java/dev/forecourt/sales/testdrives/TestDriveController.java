package dev.forecourt.sales.testdrives;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.sales.customers.Customer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/test-drives")
@Tag(name = "Test drives", description = "Demo cars booked by slot, licence on file, feedback")
class TestDriveController {

    record Licence(@NotBlank @Size(min = 5, max = 30) String number, @NotNull LocalDate expiresOn) {
    }

    record BookTestDrive(@NotBlank String carVin, @NotNull OffsetDateTime slotStart, @NotNull @Valid Customer customer,
                         @NotNull @Valid Licence licence, String leadId) {
    }

    record GiveFeedback(@NotNull @Min(1) @Max(5) Integer rating, Boolean intendsToBuy, @Size(max = 2000) String comments,
                        Long version) {
    }

    private static final String IF_MATCH = "If-Match";

    private final TestDrives drives;

    TestDriveController(TestDrives drives) {
        this.drives = drives;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('test-drives:write')")
    @Operation(summary = "Book a demo car for a slot; 409 slot-taken if the car is booked then", operationId = "bookTestDrive")
    @ApiResponse(responseCode = "201", description = "Booked",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TestDriveView.class)))
    @ApiResponse(responseCode = "404", description = "No such car or lead; nothing is written",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<TestDriveView> book(@Valid @RequestBody BookTestDrive request, Actor actor) {
        TestDrive drive = drives.book(request.carVin(), request.slotStart().toInstant(), request.customer(),
                new TestDrive.DriverLicence(request.licence().number(), request.licence().expiresOn()), request.leadId(), actor);
        return ResponseEntity.created(URI.create("/api/v1/test-drives/" + drive.getId())).body(TestDriveView.of(drive));
    }

    @PostMapping("/{id}/feedback")
    @PreAuthorize("hasAuthority('test-drives:write')")
    @Operation(summary = "Complete the drive with the customer's feedback", operationId = "completeTestDrive")
    TestDriveView feedback(@PathVariable String id, @Valid @RequestBody GiveFeedback request,
                           @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch, Actor actor) {
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(request.version()) : ifMatch.or(request.version());
        return TestDriveView.of(drives.complete(id, expected,
                new TestDrive.Feedback(request.rating(), Boolean.TRUE.equals(request.intendsToBuy()), request.comments()), actor));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAuthority('test-drives:write')")
    @Operation(summary = "Cancel a booked drive, freeing its slot", operationId = "cancelTestDrive")
    TestDriveView cancel(@PathVariable String id, @RequestHeader(name = IF_MATCH, required = false) ExpectedVersion ifMatch,
                         Actor actor) {
        return TestDriveView.of(drives.cancel(id, ifMatch == null ? ExpectedVersion.ANY : ifMatch, actor));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('test-drives:read')")
    @Operation(summary = "A test drive; ETag is its version", operationId = "getTestDrive")
    TestDriveView get(@PathVariable String id) {
        return TestDriveView.of(drives.get(id));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('test-drives:read')")
    @Operation(summary = "Test drives of a day and/or a demo car, by slot", operationId = "listTestDrives")
    Page<TestDriveView> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                             @RequestParam(required = false) String carVin, @Valid @ParameterObject Paging paging) {
        return drives.list(date, carVin, paging).map(TestDriveView::of);
    }
}
