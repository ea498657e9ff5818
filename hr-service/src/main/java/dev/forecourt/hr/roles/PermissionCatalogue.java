package dev.forecourt.hr.roles;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every permission a Forecourt service enforces, named {@code <resource>:<action>} exactly as the
 * services check them. Roles may only grant these: a typo would otherwise grant nothing, silently.
 */
public final class PermissionCatalogue {

    /** A permission and the service that enforces it. */
    public record Permission(String name, String service) {
    }

    public static final List<Permission> ALL = List.of(
            hr("positions:read"), hr("positions:write"), hr("employees:read"), hr("employees:write"), hr("staff:read"),
            hr("roles:read"), hr("roles:write"), hr("security:admin"),
            sales("vehicles:read"), sales("vehicles:receive"), sales("vehicles:inspect"), sales("vehicles:count"),
            sales("leads:read"), sales("leads:write"), sales("leads:supervise"), sales("test-drives:read"), sales("test-drives:write"),
            sales("sales-orders:read"), sales("sales-orders:write"), sales("sales-orders:approve-discount"), sales("sales-orders:deliver"),
            sales("sales-orders:refund"), sales("used-cars:read"), sales("used-cars:write"), sales("sales-reports:read"),
            sales("sales-targets:write"), sales("delivery-appointments:write"), sales("fleet-accounts:write"),
            sales("vehicle-orders:read"), sales("vehicle-orders:write"), sales("vehicle-orders:approve"), sales("payment-requests:write"),
            workshop("appointments:read"), workshop("appointments:write"), workshop("repair-orders:read"), workshop("repair-orders:open"),
            workshop("repair-orders:update"), workshop("repair-orders:dispatch"), workshop("repair-orders:work"),
            workshop("repair-orders:quality-check"), workshop("repair-orders:handover"), workshop("repair-orders:approve-discount"),
            workshop("workshop:read"),
            workshop("bills:write"), workshop("service-targets:write"), workshop("daily-reports:sign"), workshop("campaigns:write"),
            workshop("rework-requests:read"), workshop("rework-requests:write"),
            workshop("service-campaigns:read"), workshop("technicians:certify"),
            parts("parts:read"), parts("parts:write"), parts("parts:receive"), parts("parts:issue"), parts("parts:reserve"),
            parts("parts:stocktake"), parts("parts:approve-stocktake"), parts("parts:plan"), parts("parts:return"),
            parts("purchase-orders:read"), parts("purchase-orders:write"), parts("purchase-orders:approve"),
            parts("suppliers:read"), parts("suppliers:write"), parts("counter-sales:write"),
            claims("claims:read"), claims("claims:write"), claims("claims:submit"), claims("claims:reports"), claims("claims:approve-goodwill"),
            crm("customers:read"), crm("customers:write"), crm("callbacks:read"), crm("callbacks:perform"), crm("callbacks:assign"), crm("customer-messages:read"),
            crm("complaints:read"), crm("complaints:write"), crm("complaints:resolve"), crm("crm-reports:read"),
            crm("marketing-lists:read"), crm("marketing-lists:write"),
            // the actuator of every service and of the gateway (metrics, loggers, env): for IT, not for the store's staff
            new Permission("operations:read", "every service and the gateway"));

    public static final Set<String> NAMES = ALL.stream().map(Permission::name).collect(Collectors.toUnmodifiableSet());

    private PermissionCatalogue() {
    }

    public static boolean exists(String name) {
        return NAMES.contains(name);
    }

    private static Permission hr(String name) { return new Permission(name, "hr-service"); }
    private static Permission sales(String name) { return new Permission(name, "sales-service"); }
    private static Permission workshop(String name) { return new Permission(name, "service-order-service"); }
    private static Permission parts(String name) { return new Permission(name, "parts-service"); }
    private static Permission claims(String name) { return new Permission(name, "claims-service"); }
    private static Permission crm(String name) { return new Permission(name, "crm-service"); }
}
