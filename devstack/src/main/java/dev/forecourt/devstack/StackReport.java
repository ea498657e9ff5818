package dev.forecourt.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** What a person needs once the stack is up: where things are, how to log in, how to read events. */
final class StackReport {

    private StackReport() {
    }

    static void print(Devstack stack, Duration startup) {
        String gateway = "localhost:" + (8080 + stack.portOffset());
        StringBuilder out = new StringBuilder();
        out.append("\n==================================================================================\n");
        out.append(" Forecourt is up").append(stack.firstStart() ? " (first start: demo data seeded)" : " (data kept from the last run)").append('\n');
        out.append("==================================================================================\n");
        out.append(" Gateway        http://localhost:").append(8080 + stack.portOffset()).append("   Swagger UI: http://localhost:")
                .append(8080 + stack.portOffset()).append("/swagger-ui.html\n");
        for (StartOrder.Started app : stack.readiness()) {
            out.append(String.format(Locale.ROOT, "   %-22s %-24s ready %5.1f s after launch (its start %4.1f s)%n", app.component().module(),
                    app.component().url(), seconds(app.readyAfter()), seconds(app.took())));
        }
        out.append(" Kafka          ").append(stack.kafkaBootstrapServers()).append("   MongoDB  ").append(stack.mongoUri())
                .append(String.format(Locale.ROOT, "   (both up %.1f s after launch)%n", seconds(stack.storesReadyAfter())));
        out.append(" Data           ").append(stack.dataDir()).append('\n');
        out.append('\n');
        out.append(" Demo logins (password demo1234): gm sales salesmanager stockadmin advisor foreman technician\n");
        out.append("                                  storekeeper planner partsmanager warranty crm hr\n");
        out.append("   TOKEN=$(curl -s " + gateway + "/api/v1/auth/token -H 'Content-Type: application/json' \\\n");
        out.append("           -d '{\"username\":\"gm\",\"password\":\"demo1234\"}' | jq -r .accessToken)\n");
        out.append("   curl -s " + gateway + "/api/v1/positions -H \"Authorization: Bearer $TOKEN\" | jq\n");
        out.append('\n');
        out.append(" Events (CloudEvents in Kafka binary mode):\n");
        out.append("   kcat -b " + stack.kafkaBootstrapServers() + " -L | grep forecourt\n");
        out.append("   kcat -b " + stack.kafkaBootstrapServers() + " -C -t forecourt.sales.events -o beginning -e \\\n");
        out.append("        -f '%k %h\\n%s\\n\\n'\n");
        out.append('\n');
        out.append(String.format(Locale.ROOT, " Started in %.1f s; resident memory %s%n", seconds(startup), residentMemory()));
        out.append("==================================================================================\n");
        System.out.println(out);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** VmRSS of this process: the whole stack lives in it. */
    static String residentMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not on Linux
        }
        Runtime runtime = Runtime.getRuntime();
        return ((runtime.totalMemory() - runtime.freeMemory()) >> 20) + " MB heap used";
    }
}
