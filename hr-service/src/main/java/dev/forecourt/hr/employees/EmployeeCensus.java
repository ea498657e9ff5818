package dev.forecourt.hr.employees;

import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dev.forecourt.hr.org.PositionHolders;

/** Counts active employees per position for headcount and the org chart. */
@Component
class EmployeeCensus implements PositionHolders {

    private final MongoTemplate mongo;

    EmployeeCensus(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Long> activeHoldersByPosition() {
        Aggregation census = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("status").is(Employee.Status.ACTIVE)),
                Aggregation.group("positionCode").count().as("holders"));
        Map<String, Long> holders = new HashMap<>();
        for (Document row : mongo.aggregate(census, Employee.class, Document.class)) {
            holders.put(row.getString("_id"), ((Number) row.get("holders")).longValue());
        }
        return holders;
    }

    @Override
    public long activeHolders(String positionCode) {
        return mongo.count(Query.query(Criteria.where("status").is(Employee.Status.ACTIVE).and("positionCode").is(positionCode)),
                Employee.class);
    }
}
