package io.feedbackloop.action.identity.rest;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.feedbackloop.action.config.AuthConfig;
import io.netty.util.NetUtil;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The client address sign-in is throttled by. Directly from a trusted proxy
 * ({@code auth.sign-in.trusted-proxies}, e.g. the web console's backend): the last address of
 * {@code X-Forwarded-For}, the one that proxy added for the client it saw, if it is a valid IP
 * address; otherwise the peer's own address. Earlier addresses in the header are whatever the
 * client wrote, so they are never used, and a client that is not a trusted proxy cannot choose
 * its address with the header at all.
 *
 * <p>Addresses are compared and counted in one form ({@code ::ffff:192.0.2.1} is
 * {@code 192.0.2.1}). Do not turn on {@code quarkus.http.proxy.proxy-address-forwarding} as well:
 * it replaces the peer address with the header's first address before this class sees it.
 * A trusted proxy that is not a valid IP address refuses to start.
 */
@Singleton
@Startup
public class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final Set<InetAddress> trustedProxies;

    @Inject
    public ClientAddresses(AuthConfig config) {
        this(config.signIn().trustedProxies().orElse(List.of()));
    }

    ClientAddresses(List<String> trustedProxies) {
        Set<InetAddress> trusted = new LinkedHashSet<>();
        for (String proxy : trustedProxies) {
            InetAddress address = ipAddress(proxy.strip());
            if (address == null) {
                throw new IllegalArgumentException("auth.sign-in.trusted-proxies: '" + proxy
                        + "' is not an IP address (a list of addresses such as 10.0.4.7,2001:db8::7; no names, no ranges)");
            }
            trusted.add(address);
        }
        this.trustedProxies = Set.copyOf(trusted);
    }

    /** The address this sign-in request counts against. */
    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        return of(peer, request.headers().getAll(FORWARDED_FOR));
    }

    /**
     * @param peer         the address the request came from (the TCP peer)
     * @param forwardedFor every {@code X-Forwarded-For} header line, in order (a proxy appends to the last)
     */
    String of(String peer, List<String> forwardedFor) {
        InetAddress peerAddress = peer == null ? null : ipAddress(peer);
        String peerKey = peerAddress == null ? (peer == null ? "" : peer) : peerAddress.getHostAddress();
        if (peerAddress == null || !trustedProxies.contains(peerAddress) || forwardedFor == null
                || forwardedFor.isEmpty()) {
            return peerKey;
        }
        String lastLine = forwardedFor.get(forwardedFor.size() - 1);
        String last = lastLine == null ? "" : lastLine.substring(lastLine.lastIndexOf(',') + 1).strip();
        InetAddress client = ipAddress(last);
        return client == null ? peerKey : client.getHostAddress();
    }

    /** A bare IPv4 or IPv6 address (no brackets, port or zone), never looked up by name; null otherwise. */
    private static InetAddress ipAddress(String value) {
        if (value.isEmpty() || value.indexOf('[') >= 0) {
            return null;
        }
        if (!NetUtil.isValidIpV4Address(value) && !NetUtil.isValidIpV6Address(value)) {
            return null;
        }
        return NetUtil.createInetAddressFromIpAddressString(value);
    }
}
