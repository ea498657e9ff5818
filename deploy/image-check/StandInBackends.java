import java.nio.file.Files;
import java.nio.file.Path;

import dev.forecourt.embedded.InProcessKafka;
import dev.forecourt.embedded.InProcessMongo;

/**
 * Stand-ins for the real Kafka and MongoDB at NON-default ports, so that a container started by
 * run-image-rootfs.sh can only work if the environment overrides (KAFKA_BOOTSTRAP_SERVERS,
 * MONGODB_URI) reached it. Dev/demo only: runs until killed.
 *   java -cp "$(cat embedded.cp):embedded/target/classes" StandInBackends.java 29092 27117
 */
public class StandInBackends {
    public static void main(String[] args) throws Exception {
        int kafkaPort = Integer.parseInt(args[0]);
        int mongoPort = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("forecourt-standin");
        InProcessKafka kafka = new InProcessKafka(dir.resolve("kafka"), kafkaPort).start();
        InProcessMongo mongo = InProcessMongo.onDisk(dir.resolve("mongo"), "127.0.0.1", mongoPort);
        System.out.println("READY kafka=" + kafka.bootstrapServers() + " mongo=" + mongo.uri());
        Thread.currentThread().join();
    }
}
