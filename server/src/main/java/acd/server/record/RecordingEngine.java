package acd.server.record;

import acd.core.engine.EngineEvent;
import acd.core.engine.RoutingEngine;

/** The engine with its inputs recorded: each event is written before the engine applies it. */
public final class RecordingEngine implements RoutingEngine {
    private final EngineRecorder recorder;
    private final RoutingEngine engine;

    public RecordingEngine(EngineRecorder recorder, RoutingEngine engine) {
        this.recorder = recorder;
        this.engine = engine;
    }

    @Override
    public void onEvent(EngineEvent event) {
        // Before, so that an event the engine fails on is in the recording to replay.
        recorder.input(event);
        engine.onEvent(event);
    }
}
