from __future__ import annotations
import __future__
print(__future__.annotations, 'annotations' in __future__.all_feature_names, __future__.division.getMandatoryRelease())
