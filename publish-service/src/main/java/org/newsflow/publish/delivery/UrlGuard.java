package org.newsflow.publish.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.publish.config.PublishConfig;
import org.newsflow.publish.problem.ProblemException;

/**
 * Keeps webhooks from being aimed inside the network Newsflow runs in (SSRF): only http and https, and every
 * address the host resolves to must be public — not loopback, private, link-local (cloud metadata at
 * 169.254.169.254), unique-local, multicast or unspecified — unless {@code newsflow.publish.webhooks.allow-private}
 * says otherwise. Checked when a subscription is saved and again before each delivery (DNS may change), and a
 * delivery connects to the very address that was checked ({@link #pin}), so a name that resolves to a public
 * address for the check and to an internal one a moment later (DNS rebinding) cannot steer the connection.
 */
@ApplicationScoped
public class UrlGuard {

    /** Host name to addresses; {@link InetAddress#getAllByName} outside tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Where a delivery goes: the URL (its host for the Host header and TLS) and the checked address to connect to. */
    public record Target(URI uri, InetAddress address) {
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @jakarta.inject.Inject
    UrlGuard(PublishConfig config) {
        this(config.webhooks().allowPrivate());
    }

    public UrlGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public UrlGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL if it may receive webhooks; otherwise a 400 problem naming the rule. */
    public URI check(String field, String url) {
        return allowPrivate ? syntax(field, url) : pin(field, url).uri(); // with private addresses allowed, DNS is asked at delivery only
    }

    /**
     * The URL and the address a delivery must connect to, resolved once here; a 400 problem naming the rule if
     * the URL may not receive webhooks (rule {@code resolvable-host} when the name does not resolve, which may pass).
     */
    public Target pin(String field, String url) {
        URI uri = syntax(field, url);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            addresses = new InetAddress[0];
        }
        if (addresses.length == 0) {
            throw ProblemException.invalid(field, RESOLVABLE_HOST, "the host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!allowPrivate && internal(address)) {
                throw ProblemException.invalid(field, "public-address", "the host " + uri.getHost()
                        + " resolves to an address that is not public; webhooks go to public addresses only");
            }
        }
        return new Target(uri, addresses[0]);
    }

    private static URI syntax(String field, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw ProblemException.invalid(field, "url", "not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw ProblemException.invalid(field, "http-or-https", "a webhook URL must be http or https");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw ProblemException.invalid(field, "url", "a webhook URL needs a host and no user info");
        }
        return uri;
    }

    /** The rule broken by a host that does not resolve: at delivery time worth retrying, unlike the others. */
    public static final String RESOLVABLE_HOST = "resolvable-host";

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? internalV4(bytes) : internalV6(bytes);
    }

    /** IPv4 ranges that are not the public internet (RFC 6890 special-purpose registry). */
    private static boolean internalV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return first == 0 // "this network"
                || first == 10 || first == 127
                || (first == 100 && (second & 0xc0) == 64) // carrier-grade NAT 100.64/10
                || (first == 169 && second == 254)
                || (first == 172 && (second & 0xf0) == 16)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (third == 0 || third == 2)) // IETF protocol assignments, TEST-NET-1
                || (first == 198 && (second & 0xfe) == 18) // benchmarking 198.18/15
                || (first == 198 && second == 51 && third == 100) // TEST-NET-2
                || (first == 203 && second == 0 && third == 113) // TEST-NET-3
                || first >= 224; // multicast, reserved 240/4, broadcast
    }

    /** IPv6 ranges that are not public, and the forms that carry an IPv4 address inside (judged by that address). */
    private static boolean internalV6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7
            return true;
        }
        if (leadingZeroBytes(b, 12)) { // ::a.b.c.d (IPv4-compatible, deprecated) and ::/96
            return true;
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return true; // NAT64 64:ff9b::/96 reaches IPv4 hosts chosen by the last four bytes
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return true; // 6to4 2002::/16 embeds an IPv4 address
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            return true; // Teredo 2001::/32 tunnels to an IPv4 address
        }
        return (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8; // documentation
    }

    private static boolean leadingZeroBytes(byte[] bytes, int count) {
        for (int i = 0; i < count; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
