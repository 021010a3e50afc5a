package acd.pbxsim.pbx;

/**
 * The telephone network behind a trunk endpoint. A dial string naming a number at an endpoint,
 * {@code PJSIP/13800000001@hotline-trunk}, leaves the PBX over that trunk and reaches whoever
 * has that number; the carrier hands the PBX that person's phone.
 */
public interface Carrier {

    /** No network: every call out over a trunk fails as a PJSIP request to nowhere does. */
    Carrier NONE = new Carrier() {
        @Override
        public Endpoint line(String tech, String number, String trunk) {
            return null;
        }

        @Override
        public boolean carries(String device) {
            return false;
        }
    };

    /**
     * The phone at {@code number}, reached over the endpoint {@code trunk} (the part after '@'),
     * or null when the carrier cannot place the call.
     */
    Endpoint line(String tech, String number, String trunk);

    /** Whether {@code device} (PJSIP/hotline-trunk) is a trunk the carrier has carried calls on. */
    boolean carries(String device);
}
