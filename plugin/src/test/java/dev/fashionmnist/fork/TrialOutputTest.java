package dev.fashionmnist.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fashionmnist.results.EpochProgress;
import dev.fashionmnist.runtime.Language;
import dev.fashionmnist.testing.RecordingLog;
import dev.fashionmnist.text.BuildLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines of concurrent sweep forks come out in trial order, each naming its trial; only the live one's progress. */
class TrialOutputTest {
    private final RecordingLog log = new RecordingLog();
    private final List<String> shown = new ArrayList<>();
    private BuildLog progressLog;

    private TrialOutput output() {
        return new TrialOutput(log, l -> {
            progressLog = l;
            return new ForkLauncher.Progress() {
                @Override
                public void show(EpochProgress p) {
                    shown.add(p.imagesDone() + "");
                    progressLog.info("progress " + p.imagesDone());
                }

                @Override
                public void clear() {
                }
            };
        }, List.of("1/3", "2/3", "3/3"));
    }

    private static EpochProgress progress(long done) {
        return new EpochProgress(1, 1, done, 100, 1, 0.5, 0.5);
    }

    @Test
    void laterTrialsWaitForTheEarlierOnesAndEveryLineNamesItsTrial() {
        TrialOutput output = output();
        TrialOutput.Slot a = output.slot();
        TrialOutput.Slot b = output.slot();
        a.info("loading");
        a.trialStarted(0);
        b.trialStarted(1);
        b.info("b1");
        a.info("a1");
        b.show(progress(10));
        a.show(progress(20));
        a.trialStarted(2); // trial 1 done: trial 2's lines so far come out
        a.info("a2");
        b.warn("b2");
        a.show(progress(30));
        b.ended(); // trial 2 done: trial 3 is live now
        a.info("a3");
        a.ended();
        output.finish();
        assertEquals(List.of("loading", "[trial 1/3] a1", "[trial 1/3] progress 20", "[trial 2/3] b1",
                "[trial 3/3] a2", "[trial 3/3] a3"), log.infos);
        assertEquals(List.of("[trial 2/3] b2"), log.warnings);
        assertEquals(List.of("20"), shown, "only the live trial's progress, and none that is stale by then");
    }

    @Test
    void afterAFailureWhatIsHeldStillComesOutInOrder() {
        TrialOutput output = output();
        TrialOutput.Slot a = output.slot();
        TrialOutput.Slot b = output.slot();
        a.trialStarted(0);
        b.trialStarted(2);
        b.info("c");
        a.trialStarted(1);
        a.info("b");
        b.ended();
        a.ended();
        output.finish();
        assertEquals(List.of("[trial 2/3] b", "[trial 3/3] c"), log.infos);
    }

    @Test
    void theTagIsInTheReadersLanguage() {
        RecordingLog german = new RecordingLog(Language.GERMAN);
        TrialOutput output = new TrialOutput(german, l -> ForkLauncher.Progress.NONE, List.of("1/2", "2/2"));
        TrialOutput.Slot a = output.slot();
        a.trialStarted(0);
        a.info("Epoche 1");
        a.ended();
        output.finish();
        assertEquals(List.of("[Versuch 1/2] Epoche 1"), german.infos);
    }
}
