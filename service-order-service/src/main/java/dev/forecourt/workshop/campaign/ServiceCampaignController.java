package dev.forecourt.workshop.campaign;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.store.ForecourtProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Service campaigns", description = "Recalls and service campaigns of the OEM (召回/服务活动) and their completion")
class ServiceCampaignController {

    record ImportCampaign(@NotBlank @Size(max = 40) String campaignCode, @NotBlank @Size(max = 200) String title,
                          @NotNull CampaignKind kind,
                          @NotEmpty @Size(max = 10_000) List<@NotNull @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}") String> affectedVins,
                          @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 32) String> labourOperations,
                          @NotNull LocalDate startsOn, @Schema(nullable = true) LocalDate endsOn) {
    }

    private final CampaignPublishing publishing;
    private final ServiceCampaigns campaigns;
    private final Clock clock;
    private final ForecourtProperties store;

    ServiceCampaignController(CampaignPublishing publishing, ServiceCampaigns campaigns, Clock clock, ForecourtProperties store) {
        this.publishing = publishing;
        this.campaigns = campaigns;
        this.clock = clock;
        this.store = store;
    }

    @PostMapping("/api/v1/service-campaigns")
    @PreAuthorize("hasAuthority('campaigns:write')")
    @Operation(operationId = "importServiceCampaign", summary = "Import and publish a recall or service campaign from the OEM's "
            + "bulletin (409 campaign-already-published for a known code); affected cars are flagged from now on")
    ResponseEntity<CampaignView> importCampaign(@Valid @RequestBody ImportCampaign body, Actor actor) {
        ServiceCampaign campaign = publishing.importCampaign(body.campaignCode(), body.title(), body.kind(), body.affectedVins(),
                body.labourOperations(), body.startsOn(), body.endsOn(), actor);
        return ResponseEntity.created(URI.create("/api/v1/service-campaigns/" + campaign.getCampaignCode()))
                .body(CampaignView.of(campaign));
    }

    @PostMapping("/api/v1/service-campaigns/oem-fetches")
    @PreAuthorize("hasAuthority('campaigns:write')")
    @Operation(operationId = "fetchServiceCampaignsFromOem", summary = "Fetch the OEM's campaign bulletins and publish every campaign "
            + "not published yet (502 oem-unavailable when the OEM cannot be reached)")
    @ApiResponse(responseCode = "200", description = "What was read and published",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignPublishing.Fetched.class)))
    @ApiResponse(responseCode = "502", description = "oem-unavailable: the OEM's bulletins could not be read; nothing is published",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    CampaignPublishing.Fetched fetchFromOem(Actor actor) {
        return publishing.fetchFromOem(actor);
    }

    @GetMapping("/api/v1/service-campaigns")
    @PreAuthorize("hasAuthority('service-campaigns:read')")
    @Operation(operationId = "listServiceCampaigns", summary = "Service campaigns, newest first; with vin, the campaigns that car is in")
    Page<CampaignView> list(@RequestParam(required = false) @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}") String vin,
                            @Valid @ParameterObject Paging paging) {
        return campaigns.page(vin, paging).map(CampaignView::of);
    }

    @GetMapping("/api/v1/service-campaigns/{campaignCode}")
    @PreAuthorize("hasAuthority('service-campaigns:read')")
    @Operation(operationId = "getServiceCampaign", summary = "One service campaign (ETag = version)")
    CampaignView get(@PathVariable String campaignCode) {
        return CampaignView.of(campaigns.get(campaignCode));
    }

    @GetMapping("/api/v1/workshop-reports/campaign-completion/{campaignCode}")
    @PreAuthorize("hasAuthority('service-campaigns:read')")
    @Operation(operationId = "campaignCompletionReport", summary = "Completion of a campaign: affected, done (with the repair order) "
            + "and outstanding VINs")
    CampaignCompletionReport completion(@PathVariable String campaignCode) {
        return CampaignCompletionReport.of(campaigns.get(campaignCode), LocalDate.now(clock.withZone(store.timeZone())));
    }
}
