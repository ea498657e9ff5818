package dev.forecourt.hr.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The address a login comes from: the request's remote address. Behind the gateway that is the
 * client's own, not the gateway's: the platform has Tomcat take it from {@code X-Forwarded-For}
 * (which the gateway sets to its TCP peer, replacing anything the client sent) when, and only
 * when, the connection comes from a trusted proxy ({@code FORECOURT_TRUSTED_PROXIES}). From anyone
 * else the header is ignored, so a client cannot pick the address it is counted under.
 */
@Component
class ClientAddress {

    String of(HttpServletRequest request) {
        return request.getRemoteAddr();
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
