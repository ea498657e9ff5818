package dev.forecourt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * The floor's RS256 key, generated for each run: {@code <dir>/floor-key.pub.pem} (the public key the floor
 * service verifies with) and {@code <dir>/floor-key.pk8} (the private key this process signs its token with).
 */
final class FloorKeys {

    private FloorKeys() {
    }

    static void generate(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048); // the stack's identity provider signs with 2048-bit RSA as well
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(dir);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.writeString(dir.resolve("floor-key.pub.pem"), pem);
        Files.write(dir.resolve("floor-key.pk8"), pair.getPrivate().getEncoded());
    }

    /** A bearer token for the floor service, valid for three hours. */
    static String token(Path dir) throws IOException, GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(dir.resolve("floor-key.pk8"))));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":\"floor-bench\",\"iss\":\"forecourt-benchmarks\",\"scope\":\"floor:read\",\"iat\":"
                + now + ",\"exp\":" + (now + 3 * 3600) + "}").getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key);
        rs256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(rs256.sign());
    }
}
