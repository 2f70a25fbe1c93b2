#pragma once
// The Flood dock: the inputs of the three flood tiers (static level, rain ponding, dynamic 2D) over one
// hydrology grid. It holds no logic: FloodController reads the parameters and reacts to the requests.
#include <QDockWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QTabWidget;

namespace app {

class FloodPanel : public QDockWidget {
    Q_OBJECT
public:
    enum class SeedSource { WaterBodies, DemEdge, ClickedPoint };
    enum class Storm { Constant, Chicago };

    struct GridParams {
        double cellSize = 5;
        int buildingMode = 1;  // gis::analysis::flood::BuildingMode: 0 none, 1 blocked, 2 raised
        bool landCover = true; // Manning's n and runoff per cell from the zoning (else the uniform values)
    };
    struct StaticParams {
        SeedSource seeds = SeedSource::WaterBodies;
        int connectivity = 8;
    };
    struct PondingParams {
        double rainMm = 50;
        double runoff = 0.8;
    };
    struct DynamicParams {
        Storm storm = Storm::Constant;
        double rainMmPerH = 30;
        double durationH = 1;
        double idfA = 1500, idfB = 10, idfC = 0.75, peak = 0.4; // Chicago storm i = a / (d + b)^c
        double lossesMmPerH = 0, drainageMmPerH = 12;
        double manning = 0.035;
        double outputEveryMin = 5;
    };

    explicit FloodPanel(QWidget* parent = nullptr);

    GridParams gridParams() const;
    StaticParams staticParams() const;
    PondingParams pondingParams() const;
    DynamicParams dynamicParams() const;

    // The level slider's range (the grid's ground range) and value, in metres.
    void setLevelRange(double lo, double hi);
    void setLevel(double level);
    double level() const;
    void setStaticReady(bool ready); // the level slider and animation work once a model is built
    void setSeedPoint(double east, double north);
    bool isPickingSeed() const;
    void setPickingSeed(bool on);
    void setBusy(bool busy); // disables the compute buttons while a task runs
    bool isAnimating() const;
    void setAnimating(bool on);

signals:
    void computeStaticRequested();
    void levelChanged(double level);
    void animateToggled(bool on);
    void computePondingRequested();
    void runDynamicRequested();
    void pickSeedToggled(bool on);
    void editLandCoverRequested();

private:
    QWidget* createGridGroup();
    QWidget* createStaticTab();
    QWidget* createPondingTab();
    QWidget* createDynamicTab();

    QTabWidget* mTabs;
    QDoubleSpinBox* mCellSize;
    QComboBox* mBuildings;
    QCheckBox* mLandCover;
    QComboBox* mSeeds;
    QPushButton* mPickSeed;
    QLabel* mSeedLabel;
    QComboBox* mConnectivity;
    QPushButton* mComputeStatic;
    QSlider* mLevelSlider;
    QDoubleSpinBox* mLevel;
    QPushButton* mAnimate;
    QDoubleSpinBox* mRainMm;
    QDoubleSpinBox* mRunoff;
    QPushButton* mComputePonding;
    QComboBox* mStorm;
    QDoubleSpinBox* mRainRate;
    QDoubleSpinBox* mDuration;
    QDoubleSpinBox* mIdfA;
    QDoubleSpinBox* mIdfB;
    QDoubleSpinBox* mIdfC;
    QDoubleSpinBox* mPeak;
    QDoubleSpinBox* mLosses;
    QDoubleSpinBox* mDrainage;
    QDoubleSpinBox* mManning;
    QDoubleSpinBox* mOutputEvery;
    QPushButton* mRunDynamic;
    bool mHaveSeedPoint = false;
};

} // namespace app
