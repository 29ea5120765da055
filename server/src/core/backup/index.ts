export { type BackupResult, writeBackup } from './backup';
export { BackupFileError } from './backup-file';
export { type RestoreResult, restoreBackup, verifyBackupFile } from './restore';
export { type BackupFileInfo, DEFAULT_RETENTION, listBackupFiles, pruneBackups } from './retention';
