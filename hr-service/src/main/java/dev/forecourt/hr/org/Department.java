package dev.forecourt.hr.org;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/** A department of the store (销售部, 售后服务部, …); positions belong to one. Every change raises {@link DepartmentChanged}. */
@Document("departments")
public class Department extends OutboxAggregate {

    @Id
    private String code;
    private String storeId;
    private String nameZh;
    private String nameEn;
    private Instant changedAt;
    private String changedBy;
    private String changedById;

    protected Department() {
    }

    public static Department create(String code, String storeId, String nameZh, String nameEn, Actor by, Instant at) {
        Department department = new Department();
        department.code = code;
        department.storeId = storeId;
        department.apply(nameZh, nameEn, by, at);
        department.raiseChanged(DepartmentChanged.Change.CREATED);
        return department;
    }

    public void rename(String newNameZh, String newNameEn, Actor by, Instant at) {
        apply(newNameZh, newNameEn, by, at);
        raiseChanged(DepartmentChanged.Change.RENAMED);
    }

    private void apply(String newNameZh, String newNameEn, Actor by, Instant at) {
        nameZh = newNameZh;
        nameEn = newNameEn;
        changedBy = by.username();
        changedById = by.id();
        changedAt = at;
    }

    private void raiseChanged(DepartmentChanged.Change change) {
        raise(new DepartmentChanged(code, change, nameZh, nameEn, changedBy, changedById, changedAt));
    }

    public String getCode() { return code; }
    public String getStoreId() { return storeId; }
    public String getNameZh() { return nameZh; }
    public String getNameEn() { return nameEn; }
    public Instant getChangedAt() { return changedAt; }
    public String getChangedBy() { return changedBy; }
}
