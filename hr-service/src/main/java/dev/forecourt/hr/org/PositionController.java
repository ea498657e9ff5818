package dev.forecourt.hr.org;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.hr.web.Page;
import dev.forecourt.hr.web.RequestValidation;
import dev.forecourt.hr.web.Versions;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.security.Staff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/positions")
@Validated
@Tag(name = "Positions", description = "岗位: the store's position catalogue with duties and qualifications")
class PositionController {

    private final Positions positions;
    private final PositionHolders holders;

    private final RequestValidation validation;

    PositionController(Positions positions, PositionHolders holders, RequestValidation validation) {
        this.validation = validation;
        this.positions = positions;
        this.holders = holders;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('positions:read')")
    @Operation(summary = "Active positions, by code, with headcount and filled seats (the whole catalogue on one page by default)")
    Page<PositionView> list(@RequestParam(required = false) String department,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            // a store's catalogue is a few dozen positions, read whole: larger default page than other lists
                            @RequestParam(defaultValue = "100") @Min(1) @Max(200) int size) {
        List<Position> all = positions.active();
        Map<String, Long> filled = holders.activeHoldersByPosition();
        List<PositionView> views = all.stream()
                .filter(p -> department == null || department.equals(p.getDepartmentCode()))
                .map(p -> view(p, all, filled))
                .toList();
        return Page.of(views, page, size);
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('positions:read')")
    @Operation(summary = "One position, also an abolished one")
    PositionView get(@PathVariable String code) {
        return view(positions.get(code), positions.active(), holders.activeHoldersByPosition());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('positions:write')")
    @Operation(summary = "Create a position; raises PositionChanged")
    ResponseEntity<PositionView> create(@RequestBody PositionRequest request) {
        validation.valid(request);
        if (request.code() == null) {
            throw ProblemException.invalid("A new position needs a code", new FieldProblem("code", "must not be null"));
        }
        Position created = positions.create(request.code(), request.definition(), Staff.require().username());
        return ResponseEntity.created(URI.create("/api/v1/positions/" + created.getCode()))
                .eTag(Versions.etag(created.getVersion()))
                .body(view(created, positions.active(), Map.of()));
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('positions:write')")
    @Operation(summary = "Change a position's description (version in the body or If-Match); raises PositionChanged")
    ResponseEntity<PositionView> redefine(@PathVariable String code, @RequestBody PositionRequest request,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        validation.valid(request);
        long version = Versions.required(request.version(), ifMatch);
        Position changed = positions.redefine(code, version, request.definition(), Staff.require().username());
        return ResponseEntity.ok().eTag(Versions.etag(changed.getVersion()))
                .body(view(changed, positions.active(), holders.activeHoldersByPosition()));
    }

    @DeleteMapping("/{code}")
    @PreAuthorize("hasAuthority('positions:write')")
    @Operation(summary = "Abolish an empty position nobody reports to (If-Match or ?version=); raises PositionChanged")
    PositionView abolish(@PathVariable String code, @RequestParam(required = false) Long version,
                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Position abolished = positions.abolish(code, Versions.required(version, ifMatch), Staff.require().username());
        return view(abolished, positions.active(), Map.of());
    }

    private static PositionView view(Position position, List<Position> active, Map<String, Long> filled) {
        List<String> reports = active.stream().filter(p -> position.getCode().equals(p.getReportsTo())).map(Position::getCode).toList();
        return PositionView.of(position, reports, filled.getOrDefault(position.getCode(), 0L));
    }
}
