package dev.forecourt.hr.identity;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import dev.forecourt.hr.employees.Employee;
import dev.forecourt.hr.employees.Employees;
import dev.forecourt.hr.org.Positions;
import dev.forecourt.hr.roles.Roles;

/**
 * Finds who may log in: active employees (permissions from their position's role) and service
 * accounts. Someone who has left is nobody here, so neither a login nor a refresh works for them.
 */
@Component
class StaffDirectory {

    private final Employees employees;
    private final Positions positions;
    private final Roles roles;
    private final MongoTemplate mongo;

    StaffDirectory(Employees employees, Positions positions, Roles roles, MongoTemplate mongo) {
        this.employees = employees;
        this.positions = positions;
        this.roles = roles;
        this.mongo = mongo;
    }

    Optional<StaffPrincipal> find(String username) {
        Optional<Employee> employee = employees.byUsername(username).filter(Employee::isActive);
        if (employee.isPresent()) {
            Employee e = employee.get();
            String roleCode = positions.get(e.getPositionCode()).getRoleCode();
            return Optional.of(new StaffPrincipal(e.getId(), e.getUsername(), e.getName(), e.getPositionCode(),
                    roles.permissionsOf(roleCode), e.getPasswordHash()));
        }
        return Optional.ofNullable(mongo.findById(username, ServiceAccount.class))
                .map(account -> new StaffPrincipal(account.getUsername(), account.getUsername(), account.getName(), ServiceAccount.POSITION,
                        roles.permissionsOf(account.getRoleCode()), account.getPasswordHash()));
    }
}
