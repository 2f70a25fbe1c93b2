#pragma once
// The import dialog's "Attributes" box: which field gives a building its height, its storey count (times the
// storey height), its base height, a zone its class, and a feature its name; the default height; and the
// preview line. For OpenStreetMap the roles are fixed tags (shown, not editable); rasters and 3D city models
// take no mapping (only the note and the preview line show).
#include "gis/io/import_preview.h"

#include <QGroupBox>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;

namespace app {

class FieldMappingBox : public QGroupBox {
    Q_OBJECT
public:
    explicit FieldMappingBox(QWidget* parent = nullptr);

    // Shows the fields of `preview` with `mapping` chosen (nullptr: nothing selected or still reading).
    void showSource(const gis::io::ImportPreview* preview, const gis::io::FieldMapping& mapping);
    // The mapping as the combo boxes show it (empty: none).
    gis::io::FieldMapping mapping() const;
    // Selects `field` for a role (empty: none); false when the field is not offered.
    bool setField(gis::io::FieldRole role, const QString& field);

    double storeyHeight() const;
    void setStoreyHeight(double metres);
    double defaultHeight() const;
    void setDefaultHeight(double metres);
    // Remembers the storey and default heights for the next import (QSettings).
    void saveSettings() const;

    void setPreviewText(const QString& text);

signals:
    // The user chose another field for a role.
    void mappingEdited();
    // The storey or the default height changed.
    void heightsEdited();

private:
    QComboBox* combo(gis::io::FieldRole role) const;

    QFormLayout* mForm;
    QLabel* mNote;
    QComboBox* mRoles[5] = {};
    QDoubleSpinBox* mStoreyHeight;
    QDoubleSpinBox* mDefaultHeight;
    QLabel* mPreview;
    bool mFilling = false;
};

} // namespace app
