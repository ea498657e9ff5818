package dev.forecourt.crm.marketing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * A campaign invitation list (营销名单): the customers customer service calls to invite to a store campaign, a service
 * campaign or a recall, each with the outcome of the call. Club members are called first and with their own script.
 */
@Document("marketing_lists")
public class MarketingList extends OutboxAggregate {

    @Id
    private String id;
    private String storeId;
    private ListKind kind;
    private String name;
    private String campaignCode;
    private List<String> labourOperations = new ArrayList<>();
    private LocalDate startsOn;
    private LocalDate endsOn;
    private ListCriteria criteria;
    private List<ListEntry> entries = new ArrayList<>();
    private Instant createdAt;
    private String createdById;
    private String createdByName;

    /** Someone the list may invite, as CRM knows them. */
    public record Candidate(String customerId, String customerName, String customerPhone, String vin, String model, String clubLevel) {
    }

    /** What the list is for. */
    public record Campaign(ListKind kind, String name, String campaignCode, List<String> labourOperations, LocalDate startsOn,
                           LocalDate endsOn, ListCriteria criteria) {
    }

    /** A new list: club members first, then the others in the order given; each entry with the script for its caller. */
    public static MarketingList build(String id, String storeId, Campaign campaign, List<Candidate> candidates, Actor by, Instant at) {
        MarketingList list = new MarketingList();
        list.id = id;
        list.storeId = storeId;
        list.kind = campaign.kind();
        list.name = campaign.name();
        list.campaignCode = campaign.campaignCode();
        list.labourOperations = campaign.labourOperations() == null ? new ArrayList<>() : new ArrayList<>(campaign.labourOperations());
        list.startsOn = campaign.startsOn();
        list.endsOn = campaign.endsOn();
        list.criteria = campaign.criteria();
        list.createdAt = at;
        list.createdById = by.id();
        list.createdByName = by.displayName();
        List<Candidate> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.comparing((Candidate c) -> c.clubLevel() == null)); // stable: club members first
        int no = 1;
        for (Candidate c : ordered) {
            list.entries.add(new ListEntry(no++, c.customerId(), c.customerName(), c.customerPhone(), c.vin(), c.model(), c.clubLevel(),
                    script(campaign, c.clubLevel()), EntryOutcome.PENDING, null, null, null, null, null));
        }
        list.raise(new MarketingListCreated(id, list.kind, list.name, list.campaignCode, list.startsOn, list.endsOn,
                list.entries.stream().map(e -> new MarketingListCreated.Entry(e.entryNo(), e.customerId(), e.vin(), e.clubMember())).toList(),
                at, by.id()));
        return list;
    }

    /** What the caller says: club members are greeted as members and offered the club's privileges. */
    static String script(Campaign campaign, String clubLevel) {
        String what = switch (campaign.kind()) {
            case RECALL -> "a safety recall (" + campaign.name() + ") affects the customer's car: the work is free and important; "
                    + "offer the earliest appointment";
            case SERVICE_CAMPAIGN -> "the carmaker's service campaign (" + campaign.name() + ") applies to the customer's car, free of "
                    + "charge; offer an appointment";
            case CAMPAIGN_INVITATION -> "invite the customer to " + campaign.name() + "; ask whether they will come";
        };
        String period = campaign.startsOn() == null ? "" : " from " + campaign.startsOn() + (campaign.endsOn() == null ? "" : " to " + campaign.endsOn());
        if (clubLevel != null) {
            return "Owners' club member (" + clubLevel + "): greet them as a member, " + what + period
                    + "; offer the club's priority booking and a member's gift; record the outcome.";
        }
        return "Greet the customer, " + what + period + "; record the outcome.";
    }

    /** Customer service records how the invitation went. */
    public ListEntry recordOutcome(int entryNo, EntryOutcome outcome, String note, Actor by, Instant at) {
        if (outcome == null || !outcome.recordedByCall()) {
            throw new RuleViolated("outcome-not-recordable", "Outcome not recordable",
                    "A call records INVITED, ACCEPTED, DECLINED or NOT_REACHED; DONE comes from the workshop",
                    new FieldProblem("outcome", "one of INVITED, ACCEPTED, DECLINED, NOT_REACHED"));
        }
        ListEntry entry = entry(entryNo).orElseThrow(() -> new NotFound("Marketing list entry", id + "/" + entryNo));
        Lifecycle.requireTransition(entry.outcome(), outcome,
                "An invitation that is " + entry.outcome() + " cannot become " + outcome);
        return replace(entry, entry.withOutcome(outcome, note, at, by.id(), by.displayName(), null), at, by.id());
    }

    /**
     * The workshop did the campaign's work on the vehicle: its entry is done, whatever the call said.
     *
     * @return false when the vehicle is not on the list or its entry is done already
     */
    public boolean completedForVehicle(String vin, String repairOrderId, Instant at) {
        Optional<ListEntry> entry = entries.stream().filter(e -> e.vin() != null && e.vin().equals(vin)).findFirst();
        if (entry.isEmpty() || entry.get().outcome() == EntryOutcome.DONE) {
            return false;
        }
        replace(entry.get(), entry.get().withOutcome(EntryOutcome.DONE, null, at, "workshop", "Workshop", repairOrderId), at, "workshop");
        return true;
    }

    private ListEntry replace(ListEntry before, ListEntry after, Instant at, String by) {
        entries.set(entries.indexOf(before), after);
        raise(new MarketingListEntryOutcomeRecorded(id, kind, campaignCode, after.entryNo(), after.customerId(), after.vin(),
                before.outcome(), after.outcome(), after.repairOrderId(), at, by));
        return after;
    }

    public Optional<ListEntry> entry(int entryNo) {
        return entries.stream().filter(e -> e.entryNo() == entryNo).findFirst();
    }

    public String getId() { return id; }
    public String getStoreId() { return storeId; }
    public ListKind getKind() { return kind; }
    public String getName() { return name; }
    public String getCampaignCode() { return campaignCode; }
    public List<String> getLabourOperations() { return List.copyOf(labourOperations); }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public ListCriteria getCriteria() { return criteria; }
    public List<ListEntry> getEntries() { return List.copyOf(entries); }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedById() { return createdById; }
    public String getCreatedByName() { return createdByName; }
}
