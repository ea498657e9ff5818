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

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.security.Staff;
import dev.forecourt.sales.common.Customer;
import dev.forecourt.sales.common.PageView;
import io.swagger.v3.oas.annotations.Operation;
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

    record GiveFeedback(@NotNull @Min(1) @Max(5) Integer rating, Boolean intendsToBuy, @Size(max = 2000) String comments) {
    }

    private final TestDrives drives;

    TestDriveController(TestDrives drives) {
        this.drives = drives;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('test-drives:write')")
    @Operation(summary = "Book a demo car for a slot; 409 slot-taken if the car is booked then")
    ResponseEntity<TestDrive> book(@Valid @RequestBody BookTestDrive request) {
        TestDrive drive = drives.book(request.carVin(), request.slotStart().toInstant(), request.customer(),
                new TestDrive.DriverLicence(request.licence().number(), request.licence().expiresOn()), request.leadId(), Staff.require());
        return ResponseEntity.created(URI.create("/api/v1/test-drives/" + drive.getId())).body(drive);
    }

    @PostMapping("/{id}/feedback")
    @PreAuthorize("hasAuthority('test-drives:write')")
    @Operation(summary = "Complete the drive with the customer's feedback")
    TestDrive feedback(@PathVariable String id, @Valid @RequestBody GiveFeedback request) {
        return drives.complete(id, new TestDrive.Feedback(request.rating(), Boolean.TRUE.equals(request.intendsToBuy()), request.comments()), Staff.require());
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAuthority('test-drives:write')")
    TestDrive cancel(@PathVariable String id) {
        return drives.cancel(id);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('test-drives:read')")
    TestDrive get(@PathVariable String id) {
        return drives.get(id);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('test-drives:read')")
    PageView<TestDrive> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                             @RequestParam(required = false) String carVin,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return drives.list(date, carVin, page, size);
    }
}
