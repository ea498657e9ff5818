package dev.forecourt.crm.marketing;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.forecourt.crm.customer.Customer;
import dev.forecourt.crm.customer.OwnedVehicle;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.errors.RuleViolated;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.sequences.Sequences;
import dev.forecourt.platform.store.ForecourtProperties;

/** The store's marketing lists: builds them from criteria or from the workshop's campaigns, and finds them. */
@Service
public class MarketingLists {

    /** More than this is a mass mailing, not a call list. */
    static final int MAX_ENTRIES = 2000;

    private final MongoTemplate mongo;
    private final AggregateStore aggregates;
    private final Sequences sequences;
    private final ForecourtProperties store;
    private final Clock clock;

    MarketingLists(MongoTemplate mongo, AggregateStore aggregates, Sequences sequences, ForecourtProperties store, Clock clock) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.sequences = sequences;
        this.store = store;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** A store campaign's list from criteria ({@code ML<year><6 digits>}); customers who withdrew call consent are left out. */
    public MarketingList fromCriteria(String name, java.time.LocalDate startsOn, java.time.LocalDate endsOn, ListCriteria criteria,
                                      Actor by) {
        ListCriteria given = criteria == null ? new ListCriteria(null, null, null, null) : criteria;
        List<Criteria> where = new ArrayList<>();
        where.add(Criteria.where("callConsent").is(true));
        if (!given.modelsOrEmpty().isEmpty()) {
            where.add(new Criteria().orOperator(given.modelsOrEmpty().stream()
                    .map(m -> Criteria.where("vehicles.model").regex("^" + Pattern.quote(m) + "$", "i")).toList()));
        }
        if (given.lastVisitBefore() != null) {
            where.add(Criteria.where("lastVisitOn").lt(given.lastVisitBefore()));
        }
        if (given.lastVisitAfter() != null) {
            where.add(Criteria.where("lastVisitOn").gte(given.lastVisitAfter()));
        }
        if (given.clubOnly()) {
            where.add(Criteria.where("club").ne(null));
        }
        Query query = new Query(new Criteria().andOperator(where)).with(Sort.by("_id")).limit(MAX_ENTRIES + 1);
        List<MarketingList.Candidate> candidates = new ArrayList<>();
        for (Customer customer : mongo.find(query, Customer.class)) {
            Optional<OwnedVehicle> vehicle = customer.getVehicles().stream()
                    .filter(v -> given.modelsOrEmpty().isEmpty() || given.modelsOrEmpty().stream().anyMatch(m -> m.equalsIgnoreCase(v.model())))
                    .findFirst();
            candidates.add(candidate(customer, vehicle.orElse(null)));
        }
        if (candidates.size() > MAX_ENTRIES) {
            throw new RuleViolated("list-too-large", "List too large",
                    "More than " + MAX_ENTRIES + " customers match; narrow the criteria");
        }
        String id = sequences.yearly("ML", Year.now(clock.withZone(store.timeZone())), 6);
        return aggregates.insert(MarketingList.build(id, store.storeId(),
                new MarketingList.Campaign(ListKind.CAMPAIGN_INVITATION, name, null, List.of(), startsOn, endsOn, given), candidates, by, now()));
    }

    /**
     * The invitation list of a service campaign or recall the workshop published ({@code campaign-<code>}): the owners CRM
     * knows of the affected vehicles (learned from deliveries and handovers). A recall lists every owner; a service campaign
     * only those who accept calls. Published again, the list is already there and stays as it is.
     */
    public MarketingList fromCampaign(String campaignCode, String title, ListKind kind, List<String> affectedVins,
                                      List<String> labourOperations, java.time.LocalDate startsOn, java.time.LocalDate endsOn) {
        String id = idOfCampaign(campaignCode);
        MarketingList existing = mongo.findById(id, MarketingList.class);
        if (existing != null) {
            return existing;
        }
        List<String> vins = affectedVins == null ? List.of() : affectedVins;
        List<MarketingList.Candidate> candidates = new ArrayList<>();
        if (!vins.isEmpty()) {
            Query query = Query.query(Criteria.where("vehicles.vin").in(vins)).with(Sort.by("_id"));
            for (Customer customer : mongo.find(query, Customer.class)) {
                if (kind != ListKind.RECALL && !customer.isCallConsent()) {
                    continue;
                }
                customer.getVehicles().stream().filter(v -> vins.contains(v.vin()))
                        .forEach(v -> candidates.add(candidate(customer, v)));
            }
        }
        try {
            return aggregates.insert(MarketingList.build(id, store.storeId(),
                    new MarketingList.Campaign(kind, title, campaignCode, labourOperations, startsOn, endsOn, null), candidates,
                    Actor.system("crm-service"), now()));
        } catch (DuplicateKeyException builtConcurrently) {
            return require(id);
        }
    }

    public static String idOfCampaign(String campaignCode) {
        return "campaign-" + campaignCode;
    }

    private static MarketingList.Candidate candidate(Customer customer, OwnedVehicle vehicle) {
        return new MarketingList.Candidate(customer.getId(), customer.getName(), customer.getPhone(),
                vehicle == null ? null : vehicle.vin(), vehicle == null ? null : vehicle.model(),
                customer.getClub() == null ? null : customer.getClub().level());
    }

    public Optional<MarketingList> find(String id) {
        return Optional.ofNullable(mongo.findById(id, MarketingList.class));
    }

    public MarketingList require(String id) {
        return find(id).orElseThrow(() -> new NotFound("Marketing list", id));
    }

    public Page<MarketingList> list(ListKind kind, String campaignCode, Paging paging) {
        List<Criteria> where = new ArrayList<>();
        if (kind != null) {
            where.add(Criteria.where("kind").is(kind));
        }
        if (campaignCode != null) {
            where.add(Criteria.where("campaignCode").is(campaignCode));
        }
        Query query = where.isEmpty() ? new Query() : new Query(new Criteria().andOperator(where));
        return PagedFind.find(mongo, query, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")), paging, MarketingList.class);
    }
}
