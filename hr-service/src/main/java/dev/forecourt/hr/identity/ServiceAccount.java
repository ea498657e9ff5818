package dev.forecourt.hr.identity;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A machine login of another service (e.g. {@code svc-workshop} reserving parts on automatic
 * retries). It is not an employee: it holds no position and appears in no org chart, but its role
 * is data like any other.
 */
@Document("service_accounts")
public class ServiceAccount {

    /** The {@code position} claim of service-account tokens. */
    public static final String POSITION = "service-account";

    @Id
    private String username;
    private String name;
    private String roleCode;
    private String passwordHash;
    @Version
    private Long version;

    protected ServiceAccount() {
    }

    ServiceAccount(String username, String name, String roleCode, String passwordHash) {
        this.username = username;
        this.name = name;
        this.roleCode = roleCode;
        this.passwordHash = passwordHash;
    }

    void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public String getUsername() { return username; }
    public String getName() { return name; }
    public String getRoleCode() { return roleCode; }
    public String getPasswordHash() { return passwordHash; }
}
