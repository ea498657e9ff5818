package dev.forecourt.hr.demo;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.forecourt.hr.employees.Employees;
import dev.forecourt.hr.employees.Skill;
import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.store.ForecourtProperties;

/**
 * The embedded stack's staff: one account per key position, password {@value #PASSWORD} (a dev
 * default, never used outside {@code forecourt.demo-data=true}). Hired through domain code, so
 * EmployeeHired reaches the other services as it would for real staff.
 */
@Component
public class DemoData {

    static final String PASSWORD = "demo1234";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    record DemoAccount(String username, String name, String positionCode, List<Skill> skills) {
        DemoAccount(String username, String name, String positionCode) {
            this(username, name, positionCode, List.of());
        }
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("gm", "赵建国 Zhao Jianguo", "general-manager"),
            new DemoAccount("sales", "孙丽 Sun Li", "sales-consultant"),
            new DemoAccount("salesmanager", "周强 Zhou Qiang", "sales-manager"),
            new DemoAccount("stockadmin", "吴磊 Wu Lei", "vehicle-stock-administrator"),
            new DemoAccount("advisor", "郑敏 Zheng Min", "service-advisor"),
            new DemoAccount("foreman", "冯刚 Feng Gang", "workshop-supervisor"),
            new DemoAccount("technician", "陈浩 Chen Hao", "technician", List.of(
                    new Skill("engine", 3, "汽车维修工 高级 (national, senior grade)", LocalDate.of(2021, 6, 30)),
                    new Skill("electrical", 2, "汽车维修工 中级 (national, intermediate grade)", LocalDate.of(2019, 6, 30)),
                    new Skill("maintenance", 4, "VW service technician level 2 (OEM)", LocalDate.of(2022, 3, 15)))),
            new DemoAccount("storekeeper", "褚文 Chu Wen", "parts-storekeeper"),
            new DemoAccount("planner", "卫华 Wei Hua", "parts-planner"),
            new DemoAccount("partsmanager", "蒋涛 Jiang Tao", "parts-manager"),
            new DemoAccount("warranty", "沈洁 Shen Jie", "warranty-administrator"),
            new DemoAccount("crm", "韩雪 Han Xue", "customer-service-specialist"),
            new DemoAccount("servicemanager", "秦峰 Qin Feng", "after-sales-manager"),
            new DemoAccount("servicedirector", "许志远 Xu Zhiyuan", "service-director"),
            new DemoAccount("frontdesk", "何静 He Jing", "front-desk-supervisor"),
            new DemoAccount("showroom", "吕娜 Lü Na", "showroom-supervisor"),
            new DemoAccount("cashier", "施红 Shi Hong", "cashier"),
            new DemoAccount("hr", "杨帆 Yang Fan", "hr-specialist"));

    private final Employees employees;
    private final ForecourtProperties store;

    DemoData(Employees employees, ForecourtProperties store) {
        this.employees = employees;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void seedWhenEnabled() {
        if (store.demoData()) {
            int hired = seed();
            log.info("Demo staff ({} newly hired), password {}: {}; service account svc-workshop (FORECOURT_SVC_WORKSHOP_PASSWORD, dev default svc-demo-1234)",
                    hired, PASSWORD, ACCOUNTS.stream().map(a -> a.username() + " (" + a.positionCode() + ")").toList());
        }
    }

    /** Hires every demo account that does not exist yet; safe to call again. Answers how many were hired. */
    public int seed() {
        List<Employees.Hiring> missing = ACCOUNTS.stream()
                .filter(account -> employees.byUsername(account.username()).isEmpty())
                .map(account -> new Employees.Hiring(account.username(), account.name(), account.positionCode(), account.skills(),
                        LocalDate.of(2024, 1, 2), PASSWORD))
                .toList();
        return employees.hireAll(missing, Actor.system("demo-data")).size();
    }
}
