package dev.driftless.engine;

/**
 * Where long-running engine work reports as it goes. The CLI maps it to collapsible workflow-command
 * groups in Actions and plain lines elsewhere; tests record it.
 */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void group(String title) {
        }

        @Override
        public void line(String text) {
        }

        @Override
        public void endGroup() {
        }

        @Override
        public void warning(String text) {
        }
    };

    void group(String title);

    void line(String text);

    void endGroup();

    /** Something the user should notice even with every group collapsed. */
    void warning(String text);
}
