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
 * says otherwise. Checked when a subscription is saved and again before each delivery (DNS may change).
 */
@ApplicationScoped
public class UrlGuard {

    private final boolean allowPrivate;

    @jakarta.inject.Inject
    UrlGuard(PublishConfig config) {
        this(config.webhooks().allowPrivate());
    }

    public UrlGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL if it may receive webhooks; otherwise a 400 problem naming the rule. */
    public URI check(String field, String url) {
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
        if (allowPrivate) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw ProblemException.invalid(field, "resolvable-host", "the host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                throw ProblemException.invalid(field, "public-address", "the host " + uri.getHost() + " resolves to "
                        + address.getHostAddress() + ", an internal address; webhooks go to public addresses only");
            }
        }
        return uri;
    }

    static boolean internal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc; // fc00::/7
        boolean carrierGradeNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64; // 100.64/10
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierGradeNat
                || (bytes.length == 4 && (bytes[0] & 0xff) == 0);
    }
}
