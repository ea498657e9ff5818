package dev.forecourt.hr.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import dev.forecourt.hr.HrProperties;

/**
 * The address a login comes from: the first hop of {@code X-Forwarded-For} when the request comes
 * from a trusted proxy (the gateway sets the header), otherwise the connection's remote address.
 * A header from anyone else is ignored, so a client cannot pick the address it is counted under.
 */
@Component
class ClientAddress {

    /** An IPv4 or IPv6 literal; anything else in the header is not an address. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<String> trustedProxies;

    ClientAddress(HrProperties properties) {
        this.trustedProxies = properties.identity().trustedProxies();
    }

    String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && isTrusted(remote)) {
            String firstHop = forwarded.split(",", 2)[0].trim();
            if (IP_LITERAL.matcher(firstHop).matches()) {
                return firstHop;
            }
        }
        return remote;
    }

    boolean isTrusted(String address) {
        return trustedProxies.stream().anyMatch(range -> inRange(address, range));
    }

    /** {@code range} is an address or a CIDR block, e.g. {@code 10.0.0.0/8}. */
    static boolean inRange(String address, String range) {
        if (address == null || range == null || range.isBlank() || address.isBlank()) {
            return false; // an empty entry would otherwise resolve to this host
        }
        try {
            String[] parts = range.trim().split("/", 2);
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] candidate = InetAddress.getByName(address).getAddress();
            if (network.length != candidate.length) {
                return false;
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((network[i] & mask) != (candidate[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
