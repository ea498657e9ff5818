package dev.forecourt.hr.org;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

import dev.forecourt.hr.config.RequestValidation;
import dev.forecourt.hr.duties.SeparationOfDuties;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/positions")
@Tag(name = "Positions", description = "岗位: the store's position catalogue with duties and qualifications")
class PositionController {

    /** A store's catalogue is a few dozen positions, read whole: a larger default page than other lists. */
    static final int CATALOGUE_PAGE = 100;

    private final Positions positions;
    private final PositionHolders holders;
    private final RequestValidation validation;
    private final SeparationOfDuties duties;

    PositionController(Positions positions, PositionHolders holders, RequestValidation validation, SeparationOfDuties duties) {
        this.duties = duties;
        this.positions = positions;
        this.holders = holders;
        this.validation = validation;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('positions:read')")
    @Operation(summary = "Active positions, by code, with headcount and filled seats (the whole catalogue on one page by default)",
            operationId = "listPositions")
    Page<PositionView> list(@RequestParam(required = false) String department, @Valid @ParameterObject Paging paging,
                            @Parameter(hidden = true) @RequestParam(name = "size", required = false) Integer requestedSize) {
        Paging effective = requestedSize == null ? new Paging(paging.page(), CATALOGUE_PAGE) : paging;
        List<Position> all = positions.active();
        Map<String, Long> filled = holders.activeHoldersByPosition();
        List<PositionView> views = all.stream()
                .filter(p -> department == null || department.equals(p.getDepartmentCode()))
                .map(p -> view(p, all, filled))
                .toList();
        return Page.of(views, effective);
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAuthority('positions:read')")
    @Operation(summary = "One position, also an abolished one (answers its ETag)", operationId = "getPosition")
    PositionView get(@PathVariable String code) {
        return view(positions.get(code), positions.active(), holders.activeHoldersByPosition());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('positions:write')")
    @Operation(summary = "Create a position; raises PositionChanged; mapping it to an existing role that grants something needs security:admin", operationId = "createPosition")
    ResponseEntity<PositionView> create(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "A new one needs its code",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(allOf = PositionRequest.class, requiredProperties = "code")))
                        @RequestBody PositionRequest request, Actor actor) {
        validation.valid(request);
        if (request.code() == null) {
            throw ProblemException.invalid("A new position needs a code", new FieldProblem("code", "must not be null"));
        }
        duties.checkPositionChange(request.code(), request.definition(), true, actor);
        Position created = positions.create(request.code(), request.definition(), actor);
        return ResponseEntity.created(URI.create("/api/v1/positions/" + created.getCode()))
                .body(view(created, positions.active(), Map.of()));
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('positions:write')")
    @Operation(summary = "Change a position's description (version in the body or If-Match; stale → 409 version-conflict); "
            + "raises PositionChanged. Nobody changes their own position (403 separation-of-duties); another roleCode needs security:admin",
            operationId = "redefinePosition")
    PositionView redefine(@PathVariable String code, @RequestBody PositionRequest request,
                          @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        validation.valid(request);
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(request.version()) : ifMatch.or(request.version());
        duties.checkPositionChange(code, request.definition(), false, actor);
        Position changed = positions.redefine(code, expected, request.definition(), actor);
        return view(changed, positions.active(), holders.activeHoldersByPosition());
    }

    @DeleteMapping("/{code}")
    @PreAuthorize("hasAuthority('positions:write')")
    @Operation(summary = "Abolish an empty position nobody reports to (If-Match or ?version=); raises PositionChanged",
            operationId = "abolishPosition")
    PositionView abolish(@PathVariable String code, @RequestParam(required = false) Long version,
                         @RequestHeader(name = "If-Match", required = false) ExpectedVersion ifMatch, Actor actor) {
        ExpectedVersion expected = ifMatch == null ? ExpectedVersion.of(version) : ifMatch.or(version);
        return view(positions.abolish(code, expected, actor), positions.active(), Map.of());
    }

    private static PositionView view(Position position, List<Position> active, Map<String, Long> filled) {
        List<String> reports = active.stream().filter(p -> position.getCode().equals(p.getReportsTo())).map(Position::getCode).toList();
        return PositionView.of(position, reports, filled.getOrDefault(position.getCode(), 0L));
    }
}
