package dev.forecourt.oemsim.campaigns;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OEM's campaign bulletins for dealers: {@code GET /oem/v1/campaigns} lists every recall and
 * service campaign with its affected VINs and labour operations; {@code POST /oem/v1/campaigns}
 * announces one (201 when new, 200 when it replaced a bulletin of that code) so a person or a test
 * can put a car into a campaign.
 */
@RestController
public class CampaignBulletinController {

    record Announcement(@NotBlank @Size(max = 40) String campaignCode,
                        @NotBlank @Size(max = 200) String title,
                        @NotNull @Pattern(regexp = "RECALL|SERVICE_CAMPAIGN") String kind,
                        @NotEmpty @Size(max = 10_000) List<@NotNull @Pattern(regexp = "[A-HJ-NPR-Z0-9]{17}") String> affectedVins,
                        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 32) String> labourOperations,
                        @NotNull LocalDate startsOn,
                        LocalDate endsOn) {
    }

    private final CampaignBulletins bulletins;

    public CampaignBulletinController(CampaignBulletins bulletins) {
        this.bulletins = bulletins;
    }

    @GetMapping("/oem/v1/campaigns")
    public Map<String, List<CampaignBulletins.Bulletin>> campaigns() {
        return Map.of("items", bulletins.all());
    }

    @PostMapping("/oem/v1/campaigns")
    public ResponseEntity<CampaignBulletins.Bulletin> announce(@Valid @RequestBody Announcement a) {
        if (a.endsOn() != null && a.endsOn().isBefore(a.startsOn())) {
            return ResponseEntity.badRequest().build();
        }
        CampaignBulletins.Bulletin bulletin = new CampaignBulletins.Bulletin(a.campaignCode(), a.title(), a.kind(),
                List.copyOf(a.affectedVins()), List.copyOf(a.labourOperations()), a.startsOn(), a.endsOn());
        boolean isNew = bulletins.announce(bulletin);
        return ResponseEntity.status(isNew ? HttpStatus.CREATED : HttpStatus.OK).body(bulletin);
    }
}
