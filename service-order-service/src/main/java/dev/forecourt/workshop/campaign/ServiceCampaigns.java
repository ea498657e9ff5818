package dev.forecourt.workshop.campaign;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.forecourt.platform.errors.NotFound;
import dev.forecourt.platform.events.outbox.AggregateStore;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Page;
import dev.forecourt.platform.paging.PagedFind;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.workshop.repairorder.CampaignFlag;

/** The service campaigns: loads, queries, and every change through the aggregate store. */
@Component
public class ServiceCampaigns {

    private final MongoTemplate mongo;
    private final AggregateStore store;

    ServiceCampaigns(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    public ServiceCampaign get(String campaignCode) {
        return find(campaignCode).orElseThrow(() -> new NotFound("Service campaign", campaignCode));
    }

    public Optional<ServiceCampaign> find(String campaignCode) {
        return Optional.ofNullable(mongo.findById(campaignCode, ServiceCampaign.class));
    }

    public boolean exists(String campaignCode) {
        return mongo.exists(query(where("_id").is(campaignCode)), ServiceCampaign.class);
    }

    public ServiceCampaign insert(ServiceCampaign campaign) {
        return store.insert(campaign);
    }

    public ServiceCampaign change(String campaignCode, ExpectedVersion expected, Consumer<ServiceCampaign> change) {
        return store.change(() -> get(campaignCode), expected, change);
    }

    /** The campaigns open on {@code day} that the car is in and that were not done for it yet. */
    public List<ServiceCampaign> openFor(String vin, LocalDate day) {
        if (vin == null) {
            return List.of();
        }
        Query q = query(where("affectedVins").is(vin).and("completedVins").ne(vin).and("startsOn").lte(day)
                .orOperator(where("endsOn").is(null), where("endsOn").gte(day)))
                .with(Sort.by("startsOn", "_id"));
        return mongo.find(q, ServiceCampaign.class);
    }

    public List<CampaignFlag> flagsFor(String vin, LocalDate day) {
        return openFor(vin, day).stream().map(ServiceCampaign::flag).toList();
    }

    /** Newest first; with a VIN, only the campaigns that car is in. */
    public Page<ServiceCampaign> page(String vin, Paging paging) {
        Query q = vin == null ? new Query() : query(Criteria.where("affectedVins").is(vin));
        return PagedFind.find(mongo, q, Sort.by(Sort.Direction.DESC, "publishedAt")
                .and(Sort.by("_id")), paging, ServiceCampaign.class);
    }
}
