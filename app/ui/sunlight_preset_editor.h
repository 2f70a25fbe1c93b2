#pragma once
// The parameters of a sunlight regulation preset as a form (part of the Sunlight panel): date, time window,
// time base, clock time zone, counting rule, minimum segment, minimum sun altitude, sweep angle, required
// hours, time step. Read-only while a shipped preset is shown; editable for a copy ("copy and edit"). It
// turns the form back into a gis::analysis::SunlightPreset (to run it, or to save it as a preset file that
// urbis-cli --preset reads too).
#include "gis/analysis/sunlight_preset.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTimeEdit;

namespace app {

class SunlightPresetEditor : public QWidget {
    Q_OBJECT
public:
    explicit SunlightPresetEditor(QWidget* parent = nullptr);

    // Shows `preset` with its date resolved for `year`. `defaultZone`: the clock time zone shown when the
    // preset names none (its clock times are then for display only).
    void setPreset(const gis::analysis::SunlightPreset& preset, int year, const QString& defaultZone);
    void setEditable(bool editable);
    bool isEditable() const { return mEditable; }
    void setYear(int year);
    int year() const { return mYear; }

    // The preset as the form shows it (a fixed date once the date was edited; name/title kept).
    gis::analysis::SunlightPreset preset() const;
    // Its parameters for the year (date resolved; the clock offset of a clock-time preset resolved from the
    // zone). Empty with a message when something is not valid.
    std::optional<gis::analysis::SunlightParameters> parameters(QString* error = nullptr) const;
    // The zone clock times are shown in (and computed in, for clock-time presets).
    QString timeZone() const;
    void setDefaultZone(const QString& zone);

    // The preset as JSON in the format of resources/presets (gis::analysis::parsePreset reads it back).
    static QByteArray toJson(const gis::analysis::SunlightPreset& preset);

    // For tests.
    QDateEdit* dateEdit() const { return mDate; }
    QDoubleSpinBox* requiredHoursBox() const { return mRequired; }

signals:
    // Any parameter changed (by the user, or a new preset shown).
    void changed();

private:
    void updateEnabled();
    void updateDateNote();

    gis::analysis::SunlightPreset mPreset; // as last set; the form overrides its parameters
    int mYear = 2026;
    bool mEditable = false;
    bool mDateEdited = false; // the user changed the date: a fixed date replaces a solar term
    bool mFilling = false;
    QString mDefaultZone;

    QLabel* mTitle;
    QDateEdit* mDate;
    QLabel* mDateNote;
    QTimeEdit* mStart;
    QTimeEdit* mEnd;
    QComboBox* mTimeBase;
    QComboBox* mZone;
    QComboBox* mRule;
    QSpinBox* mLongestCount;
    QDoubleSpinBox* mMinSegment;
    QDoubleSpinBox* mMinAltitude;
    QDoubleSpinBox* mSweep;
    QDoubleSpinBox* mRequired;
    QDoubleSpinBox* mStep;
};

} // namespace app
