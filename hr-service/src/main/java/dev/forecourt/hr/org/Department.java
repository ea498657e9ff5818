package dev.forecourt.hr.org;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A department of the store (销售部, 售后服务部, …); positions belong to one. */
@Document("departments")
public class Department {

    @Id
    private String code;
    private String storeId;
    private String nameZh;
    private String nameEn;
    @Version
    private Long version;

    protected Department() {
    }

    public Department(String code, String storeId, String nameZh, String nameEn) {
        this.code = code;
        this.storeId = storeId;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public void rename(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String getCode() { return code; }
    public String getStoreId() { return storeId; }
    public String getNameZh() { return nameZh; }
    public String getNameEn() { return nameEn; }
    public Long getVersion() { return version; }
}
