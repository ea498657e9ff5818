package dev.forecourt.crm.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.forecourt.platform.web.Versioned;

/** A marketing list as the API shows it, with its entries in calling order (club members first); answered with its ETag. */
public record MarketingListView(String id, String storeId, ListKind kind, String name, String campaignCode,
                                List<String> labourOperations, LocalDate startsOn, LocalDate endsOn, ListCriteria criteria,
                                Tally tally, List<ListEntry> entries, Instant createdAt, String createdById, String createdByName,
                                Long version) implements Versioned {

    /** How many entries stand where. */
    public record Tally(int entries, int clubMembers, int pending, int invited, int accepted, int declined, int notReached, int done) {

        static Tally of(List<ListEntry> entries) {
            return new Tally(entries.size(), (int) entries.stream().filter(ListEntry::clubMember).count(),
                    count(entries, EntryOutcome.PENDING), count(entries, EntryOutcome.INVITED), count(entries, EntryOutcome.ACCEPTED),
                    count(entries, EntryOutcome.DECLINED), count(entries, EntryOutcome.NOT_REACHED), count(entries, EntryOutcome.DONE));
        }

        private static int count(List<ListEntry> entries, EntryOutcome outcome) {
            return (int) entries.stream().filter(e -> e.outcome() == outcome).count();
        }
    }

    public static MarketingListView of(MarketingList l) {
        return new MarketingListView(l.getId(), l.getStoreId(), l.getKind(), l.getName(), l.getCampaignCode(), l.getLabourOperations(),
                l.getStartsOn(), l.getEndsOn(), l.getCriteria(), Tally.of(l.getEntries()), l.getEntries(), l.getCreatedAt(),
                l.getCreatedById(), l.getCreatedByName(), l.getVersion());
    }

    /** The list without its entries, for the overview. */
    public static MarketingListView summary(MarketingList l) {
        MarketingListView full = of(l);
        return new MarketingListView(full.id, full.storeId, full.kind, full.name, full.campaignCode, full.labourOperations, full.startsOn,
                full.endsOn, full.criteria, full.tally, List.of(), full.createdAt, full.createdById, full.createdByName, full.version);
    }
}
