package acd.cti.agi;

import acd.cti.edge.EdgeRefusals;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.handler.ipfilter.RuleBasedIpFilter;
import io.netty.util.NetUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Admits only connections from the configured addresses and blocks; anyone else is closed with
 * one log line before a byte is read. Entries are literal IPs, never host names, so that checking
 * the list does no DNS.
 */
@Sharable
final class ClientAllowList extends RuleBasedIpFilter {

    private static final Logger log = LoggerFactory.getLogger(ClientAllowList.class);

    private final List<String> entries;
    private final EdgeRefusals refusals;

    ClientAllowList(List<String> entries) {
        this(entries, new EdgeRefusals());
    }

    ClientAllowList(List<String> entries, EdgeRefusals refusals) {
        super(false, parse(entries).toArray(new IpSubnetFilterRule[0]));
        this.entries = List.copyOf(entries);
        this.refusals = refusals;
    }

    static List<IpSubnetFilterRule> parse(List<String> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("allowedClients is empty: no Asterisk could connect");
        }
        List<IpSubnetFilterRule> rules = new ArrayList<>();
        for (String entry : entries) {
            rules.add(rule(entry));
        }
        return rules;
    }

    private static IpSubnetFilterRule rule(String entry) {
        String text = entry == null ? "" : entry.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!isIpLiteral(address)) {
            throw new IllegalArgumentException("allowedClients entry '" + entry + "' is not an IP address or CIDR block");
        }
        InetAddress ip = NetUtil.createInetAddressFromIpAddressString(address);
        int bits = ip.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException notNumber) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(
                        "allowedClients entry '" + entry + "' has a prefix length outside 0.." + bits);
            }
        }
        return new IpSubnetFilterRule(ip, prefix, IpFilterRuleType.ACCEPT);
    }

    static boolean isIpLiteral(String address) {
        return NetUtil.isValidIpV4Address(address) || NetUtil.isValidIpV6Address(address);
    }

    @Override
    protected ChannelFuture channelRejected(ChannelHandlerContext ctx, InetSocketAddress remoteAddress) {
        log.warn("refused FastAGI connection from {}: not in allowedClients {}", remoteAddress, entries);
        refusals.refused(EdgeRefusals.AGI, "not_allowed");
        return null;
    }
}
