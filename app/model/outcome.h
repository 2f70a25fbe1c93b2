#pragma once
// The result of a whole-document operation (open, save, import): success or a translated, user-facing message
// that names the file and says what to do.
#include <QString>

namespace app {

// How important a message for the user is (the Messages panel, the status bar).
enum class MessageLevel { Info, Warning, Error };

struct Outcome {
    bool ok = true;
    QString message; // translated; may be empty on success

    static Outcome success(const QString& message = {}) { return {true, message}; }
    static Outcome failure(const QString& message) { return {false, message}; }
    explicit operator bool() const { return ok; }
};

} // namespace app
