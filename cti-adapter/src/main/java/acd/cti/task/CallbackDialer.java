package acd.cti.task;

import java.util.concurrent.CompletionStage;

/** What the desk asks of the PBX for a voicemail task: the seat's phone rings first, every time. */
public interface CallbackDialer {

    /**
     * Rings the seat; once the agent answers, dials the customer and connects them.
     *
     * @return whether the PBX took the request
     */
    CompletionStage<Boolean> callBack(String seatEndpoint, String customerNumber, long taskId);

    /** Rings the seat, showing who left the message, and plays it once the agent answers. */
    CompletionStage<Boolean> playMessage(String seatEndpoint, String messageFile, String callerNumber, long taskId);
}
