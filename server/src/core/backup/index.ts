export { type BackupResult, writeBackup } from './backup';
export { BackupFileError } from './backup-file';
export { type RestoreResult, restoreBackup, verifyBackupFile } from './restore';
