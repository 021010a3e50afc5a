package acd.pbxsim.world;

import acd.pbxsim.pbx.Carrier;
import acd.pbxsim.pbx.Endpoint;
import acd.pbxsim.pbx.Pbx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The telephone network behind the hotline's trunk: a dial to {@code PJSIP/<number>@<trunk>}
 * (any trunk name) reaches the customer with that number, whose phone behaves as
 * {@link CustomerSettings} say. Keeps every call placed, for tests to read. Lives on the PBX
 * thread; the settings may be changed from anywhere and apply from the next call.
 */
public final class SimulatedCarrier implements Carrier {

    private final Pbx pbx;
    private final String context;
    private final List<CustomerPhone> calls = new ArrayList<>();
    private final Set<String> trunks = new HashSet<>();
    private volatile CustomerSettings settings;

    /**
     * @param context the trunk endpoint's context (pjsip.conf's {@code context=}), where its
     *                channels stand while they ring
     */
    public SimulatedCarrier(CustomerSettings settings, Pbx pbx, String context) {
        this.settings = settings;
        this.pbx = pbx;
        this.context = context;
    }

    public CustomerSettings settings() {
        return settings;
    }

    /** Changes how customers behave from the next call on. */
    public void settings(CustomerSettings newSettings) {
        this.settings = newSettings;
    }

    @Override
    public Endpoint line(String tech, String number, String trunk) {
        trunks.add((tech + "/" + trunk).toLowerCase(Locale.ROOT));
        return new CustomerPhone(this, tech, number, trunk);
    }

    @Override
    public boolean carries(String device) {
        return trunks.contains(device.toLowerCase(Locale.ROOT));
    }

    /** Every call placed to a customer so far, oldest first, as each stands now. */
    public List<CustomerCall> calls() {
        List<CustomerCall> all = new ArrayList<>(calls.size());
        for (CustomerPhone p : calls) {
            all.add(p.record());
        }
        return all;
    }

    Pbx pbx() {
        return pbx;
    }

    String context() {
        return context;
    }

    void placed(CustomerPhone call) {
        calls.add(call);
    }

    /** A customer already ringing or talking with the hotline is busy to a second call. */
    boolean onAnotherCall(String number) {
        for (CustomerPhone p : calls) {
            if (p.number().equals(number) && p.going()) {
                return true;
            }
        }
        return false;
    }
}
