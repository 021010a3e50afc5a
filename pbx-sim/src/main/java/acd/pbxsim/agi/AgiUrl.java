package acd.pbxsim.agi;

/**
 * An AGI() URL: {@code agi://host[:port]/script[?query]}. The script keeps its query string, as
 * in agi_network_script ({@code ivr?lang=en}).
 */
public record AgiUrl(String request, String host, int port, String script) {

    public static final int DEFAULT_PORT = 4573;

    public static AgiUrl parse(String url) {
        String u = url.strip();
        if (!u.regionMatches(true, 0, "agi://", 0, 6)) {
            throw new IllegalArgumentException("not a FastAGI URL: '" + url + "'");
        }
        String rest = u.substring(6);
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String script = slash < 0 ? "" : rest.substring(slash + 1);
        String host = hostPort;
        int port = DEFAULT_PORT;
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0) {
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port in FastAGI URL: '" + url + "'", e);
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in FastAGI URL: '" + url + "'");
        }
        return new AgiUrl(u, host, port, script);
    }
}
